SELECT o.id, c.name, p.name AS product, s.name AS store
FROM orders o
JOIN customers c ON c.id = o.customer_id
JOIN order_items oi ON oi.order_id = o.id
LEFT JOIN products p ON p.id = oi.product_id
LEFT JOIN stores s ON s.id = o.store_id
