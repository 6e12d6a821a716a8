-- expect: missing comma between `1` and `2` in the select list of the subquery on line 2; outer alias `s` stays intact
select * from (select a, 1 2 from t) s;
