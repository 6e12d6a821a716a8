-- expect: dangling AND at the end of WHERE on line 2; next statement is valid
select * from t where a = 1 and;
select 1;
