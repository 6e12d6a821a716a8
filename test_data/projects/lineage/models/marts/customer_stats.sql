-- Correlated subqueries, in the select list and in WHERE EXISTS.
SELECT
    c.customer_id,
    (SELECT count(*) FROM stg_orders AS o WHERE o.customer_id = c.customer_id) AS order_count,
    (SELECT max(o.amount) FROM stg_orders AS o WHERE o.customer_id = c.customer_id) AS max_amount
FROM stg_customers AS c
WHERE EXISTS (
    SELECT 1
    FROM shop.refunds AS r
    JOIN stg_orders AS o2 USING (order_id)
    WHERE o2.customer_id = c.customer_id
)
