-- dialect: duckdb

SELECT customer_id, count(*) FROM orders GROUP BY customer_id HAVING count(*) >= @var(min_orders, 3)
