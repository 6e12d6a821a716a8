-- Valid: the models below read it.
SELECT order_id, customer_id, amount, status, created_at
FROM raw__shop.orders
