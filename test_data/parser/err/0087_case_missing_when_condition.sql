-- expect: missing condition between `when` and `then` in CASE on line 2
select case when then 1 end from t;
