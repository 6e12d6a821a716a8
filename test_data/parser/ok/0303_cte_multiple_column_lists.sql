WITH a(x, y) AS (SELECT 1, 2),
     b(z) AS (SELECT x + y FROM a)
SELECT * FROM a, b
