-- dialect: ansi
-- expect: trailing comma after `a` in GROUP BY before ORDER BY on line 3 (ansi)
select a from t group by a, order by a;
