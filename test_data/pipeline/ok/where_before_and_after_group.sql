SELECT customer_id, sum(amount) AS total FROM orders WHERE status = 'paid' GROUP BY customer_id HAVING sum(amount) > 100
