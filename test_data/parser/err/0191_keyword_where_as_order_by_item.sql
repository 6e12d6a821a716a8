-- expect: keyword WHERE where an ORDER BY item should be on line 2
select a from t order by where;
