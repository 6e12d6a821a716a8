SELECT
    (amount * 1.07)::DECIMAL(18, 2) AS amount_with_tax,
    (amount - refund_amount)::NUMERIC(12,4) AS net_amount
FROM payments
