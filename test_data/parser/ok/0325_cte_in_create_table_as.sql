CREATE TABLE mart.customer_summary AS
WITH o AS (SELECT customer_id, count(*) AS n FROM orders GROUP BY customer_id)
SELECT c.id, coalesce(o.n, 0) AS order_count
FROM customers c LEFT JOIN o ON o.customer_id = c.id
