-- E142: an aggregate in WHERE.
SELECT order_id FROM raw__shop.orders WHERE sum(amount) > 100
