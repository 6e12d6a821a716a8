-- expect: missing comma between `a` and `b` in GROUP BY on line 2; ORDER BY stays intact
select a, b, count(*) from t group by a b order by a;
