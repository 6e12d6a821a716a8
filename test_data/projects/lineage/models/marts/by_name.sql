-- UNION BY NAME: `refunded_at` comes from the right side only.
SELECT order_id, amount FROM stg_orders
UNION ALL BY NAME
SELECT order_id, amount, created_at AS refunded_at FROM shop.refunds
