-- expect: missing comma between arguments `a` and `b` of `coalesce` on line 2
select coalesce(a b) from t where c = 1;
