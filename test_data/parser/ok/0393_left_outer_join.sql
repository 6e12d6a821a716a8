SELECT c.id, o.id AS order_id FROM customers c LEFT OUTER JOIN orders o ON o.customer_id = c.id
