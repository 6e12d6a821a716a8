SELECT o.*, c.name, c.tier FROM orders o LEFT JOIN customers c ON o.customer_id = c.id
