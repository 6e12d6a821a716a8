-- expect: stray `§` after the WHERE condition on line 2; ORDER BY stays intact
select a from t where b = 1 § order by a;
