SELECT c.id, recent.order_id
FROM customers c
JOIN LATERAL (
    SELECT order_id FROM orders o WHERE o.customer_id = c.id ORDER BY order_date DESC LIMIT 3
) recent ON true
