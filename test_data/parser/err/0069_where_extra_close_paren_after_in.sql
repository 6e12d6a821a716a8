-- expect: extra `)` after the IN list in WHERE on line 2; ORDER BY stays intact
select * from t where a in (1, 2)) order by a;
