-- expect: missing comma between `x` and `1` in the arguments of the inner `round` call (depth 2) on line 2
select upper(cast(round(x 1) as varchar)) from t;
