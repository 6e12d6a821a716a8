SELECT d.c, d.n
FROM (SELECT country, count(*) FROM customers GROUP BY country) AS d(c, n)
