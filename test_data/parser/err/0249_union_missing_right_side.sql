-- expect: UNION on line 2 has no right side: `;` follows; next statement is valid
select 1 union;
select 2;
