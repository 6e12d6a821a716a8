SELECT o.id, c.id FROM orders o FULL JOIN customers c ON o.customer_id = c.id
