-- Settled payments only; a missing method reads as 'unknown'.
SELECT
    payment_id,
    order_id,
    coalesce(method, 'unknown') AS method,
    amount,
    paid_at
FROM raw__shop.payments
WHERE paid_at IS NOT NULL
