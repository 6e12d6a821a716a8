-- One row per customer: order count, revenue and first/last order.
WITH customers AS (
    SELECT customer_id, name, country_code
    FROM raw__orders.customers
)
SELECT
    c.customer_id,
    c.name,
    c.country_code,
    count(o.order_id) AS order_count,
    coalesce(sum(o.amount), 0) AS total_revenue,
    min(o.created_at) AS first_order_at,
    max(o.created_at) AS last_order_at
FROM customers AS c
LEFT JOIN raw_orders AS o USING (customer_id)
GROUP BY ALL
