-- expect: NOT BETWEEN missing AND between `1` and `5` on line 2
select * from t where a not between 1 5;
