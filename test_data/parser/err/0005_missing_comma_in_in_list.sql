-- expect: missing comma between `1` and `2` in the IN list on line 2
select a from t where b in (1 2, 3) order by a;
