-- expect: CAST missing target type after `as` on line 2
select cast(a as) from t;
