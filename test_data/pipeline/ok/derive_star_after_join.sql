SELECT o.*, c.name, c.name || '#' || o.id AS label FROM orders o JOIN customers c ON o.customer_id = c.id
