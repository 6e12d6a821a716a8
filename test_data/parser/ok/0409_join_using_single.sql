SELECT order_id, amount, status FROM orders JOIN payments USING (order_id)
