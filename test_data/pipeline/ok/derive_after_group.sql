SELECT *, total / n AS avg_order FROM (SELECT customer_id, sum(amount) AS total, count(*) AS n FROM orders GROUP BY customer_id)
