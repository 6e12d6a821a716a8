SELECT id, prev FROM (SELECT id, lag(amount) OVER (PARTITION BY customer_id ORDER BY id) AS prev FROM orders) WHERE prev IS NOT NULL
