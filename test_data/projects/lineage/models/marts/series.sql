-- Nothing upstream: a recursive CTE and a table function.
WITH RECURSIVE r(n) AS (
    SELECT 1
    UNION ALL
    SELECT n + 1 FROM r WHERE n < 3
)
SELECT r.n, g.generate_series AS g
FROM r, generate_series(1, 2) AS g
