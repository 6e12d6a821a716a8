-- expect: missing comma after `b c` on line 2: `c` is the alias of `b`, so `d` is unexpected
select a, b c d from t;
select 1;
