-- dialect: ansi
SELECT a, b, COUNT(*) FROM t GROUP BY GROUPING SETS ((a, b), (a), ())
