-- expect: missing AND/OR between `a = 1` and `b = 2` in WHERE on line 2
select * from t where a = 1 b = 2;
