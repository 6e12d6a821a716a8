-- expect: doubled `or or` in WHERE on line 2
select * from t where a = 1 or or b = 2;
