-- Inlined into its consumers (ephemeral).
SELECT order_id, amount * 2 AS double_amount
FROM stg_orders
WHERE amount > 100
