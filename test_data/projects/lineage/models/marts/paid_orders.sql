-- `status` decides which rows there are, and is not selected.
SELECT order_id, amount
FROM stg_orders
WHERE status = 'paid'
