-- expect: LIMIT on line 2 has no value; next statement is valid
select a from t limit;
select 1;
