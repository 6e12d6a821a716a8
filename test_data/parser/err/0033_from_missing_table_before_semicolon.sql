-- expect: FROM on line 2 has no table before `;`; next statement is valid
select a from ;
select 1;
