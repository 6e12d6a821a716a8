-- expect: IN missing its list on line 2: `;` follows `in`; next statement is valid
select * from t where a in;
select 1;
