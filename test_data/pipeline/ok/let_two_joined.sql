SELECT p.*, s.total FROM (SELECT id, name FROM customers) p LEFT JOIN (SELECT customer_id, sum(amount) AS total FROM orders GROUP BY customer_id) s ON p.id = s.customer_id
