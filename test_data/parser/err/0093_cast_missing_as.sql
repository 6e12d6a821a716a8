-- expect: CAST missing AS between `a` and `int` on line 2
select cast(a int) from t;
