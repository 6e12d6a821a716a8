SELECT order_id, -amount AS amount FROM orders WHERE amount < 0
