-- A CTE and a derived table with column alias lists, a lateral alias, CASE.
WITH t(a, b) AS (
    SELECT order_id, amount FROM stg_orders
)
SELECT
    d.x AS id,
    d.y * 2 AS doubled,
    doubled + 1 AS doubled_plus_one,
    CASE WHEN d.y > 10 THEN 'big' ELSE 'small' END AS size
FROM (SELECT a, b FROM t) AS d(x, y)
