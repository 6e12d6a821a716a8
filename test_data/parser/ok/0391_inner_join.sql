SELECT o.id, p.name
FROM order_items o
INNER JOIN products p ON p.id = o.product_id
