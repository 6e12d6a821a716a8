-- expect: missing comma between `1` and `2` in the list literal on line 2
select [1 2] from t;
