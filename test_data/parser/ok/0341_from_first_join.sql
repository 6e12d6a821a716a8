FROM orders o JOIN customers c ON o.customer_id = c.id SELECT c.name, o.amount
