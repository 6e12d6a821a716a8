-- Window functions over a join.
SELECT
    o.order_id,
    c.customer_name,
    sum(o.amount) OVER (PARTITION BY c.country ORDER BY o.order_id) AS running_country_amount,
    row_number() OVER (PARTITION BY o.customer_id ORDER BY o.created_at DESC) AS recency_rank
FROM stg_orders AS o
JOIN stg_customers AS c ON o.customer_id = c.customer_id
