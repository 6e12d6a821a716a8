-- expect: missing comma between `a` and `b desc` in ORDER BY on line 2; LIMIT stays intact
select a, b from t order by a b desc limit 10;
