-- expect: missing comma between `a` and `b` in the window PARTITION BY on line 2; ORDER BY inside the window stays intact
select row_number() over (partition by a b order by c) from t;
