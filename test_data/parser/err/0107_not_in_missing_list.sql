-- expect: NOT IN missing its list on line 2: `and` follows `in`
select * from t where a not in and b = 1;
