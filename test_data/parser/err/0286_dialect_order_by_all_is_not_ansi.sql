-- dialect: ansi
-- expect: ORDER BY ALL is not ANSI
select a from t order by all;
