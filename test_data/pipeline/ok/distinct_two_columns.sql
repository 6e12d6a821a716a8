SELECT DISTINCT customer_id, status FROM orders
