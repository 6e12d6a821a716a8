-- Orders as they arrive, with the status normalised.
SELECT
    order_id,
    customer_id,
    amount,
    lower(trim(status)) AS status,
    created_at
FROM raw__orders.orders
WHERE amount IS NOT NULL
