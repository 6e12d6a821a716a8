SELECT customer_id, status, sum(amount) FROM orders GROUP BY 1, 2
