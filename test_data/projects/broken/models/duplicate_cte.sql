-- E124: the CTE `recent` is defined twice.
WITH recent AS (
    SELECT order_id, amount FROM orders WHERE created_at >= DATE '2025-01-01'
),
recent AS (
    SELECT order_id, amount FROM orders WHERE created_at >= DATE '2025-06-01'
)
SELECT order_id, amount
FROM recent
