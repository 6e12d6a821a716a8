-- expect: CAST missing the expression before `as int` on line 2
select cast(as int) from t;
