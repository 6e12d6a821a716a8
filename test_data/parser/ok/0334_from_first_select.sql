FROM orders SELECT order_id, amount
