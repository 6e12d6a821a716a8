-- expect: misspelled BY as `buy` in `group buy` on line 2; ORDER BY stays intact
select a, count(*) from t group buy a order by a;
