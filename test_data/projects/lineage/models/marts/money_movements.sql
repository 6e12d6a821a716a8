-- UNION branches reading different relations.
SELECT order_id AS movement_id, amount, 'order' AS kind, created_at
FROM stg_orders
UNION ALL
SELECT refund_id, -amount, 'refund', created_at
FROM shop.refunds
