SELECT * FROM customers c SEMI JOIN orders o ON o.customer_id = c.id
