-- expect: stray literal `2` after `a = 1` in WHERE on line 2; GROUP BY stays intact
select a from t where a = 1 2 group by a;
