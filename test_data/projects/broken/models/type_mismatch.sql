-- E001: a timestamp compared with a number.
SELECT order_id FROM raw__shop.orders WHERE created_at = customer_id
