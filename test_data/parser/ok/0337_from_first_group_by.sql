FROM orders SELECT customer_id, sum(amount) AS total GROUP BY customer_id ORDER BY total DESC
