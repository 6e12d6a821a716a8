-- E143: a window function in WHERE.
SELECT order_id FROM raw__shop.orders WHERE row_number() OVER (ORDER BY order_id) = 1
