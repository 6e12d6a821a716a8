-- expect: ORDER without BY inside OVER (...) on line 2
select row_number() over (order a) from t;
