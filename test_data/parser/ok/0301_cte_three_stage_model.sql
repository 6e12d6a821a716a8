WITH customers AS (
    SELECT * FROM staging.stg_customers
), orders AS (
    SELECT * FROM staging.stg_orders
), customer_orders AS (
    SELECT
        customer_id,
        min(order_date) AS first_order,
        max(order_date) AS most_recent_order,
        count(order_id) AS number_of_orders
    FROM orders
    GROUP BY customer_id
)
SELECT c.customer_id, c.first_name, co.first_order, co.number_of_orders
FROM customers c
LEFT JOIN customer_orders co ON c.customer_id = co.customer_id
