-- expect: ON on line 2 has no condition: `;` follows; next statement is valid
select * from a join b on;
select 1;
