-- expect: doubled `and and` in WHERE on line 2: expression missing between them; ORDER BY stays intact
select * from t where a = 1 and and b = 2 order by a;
