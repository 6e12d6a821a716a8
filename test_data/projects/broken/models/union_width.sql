-- E144: two columns on the left, one on the right.
SELECT order_id, amount FROM raw__shop.orders UNION ALL SELECT customer_id FROM raw__shop.customers
