WITH x AS (SELECT * FROM doubled AS d)
SELECT count(*) AS n, sum(x.doubled) AS total FROM x
