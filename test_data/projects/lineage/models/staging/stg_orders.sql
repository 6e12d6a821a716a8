-- Orders without test orders; `is_test` only filters, it is not selected.
SELECT
    order_id,
    customer_id,
    CAST(amount AS DECIMAL(18, 2)) AS amount,
    coalesce(discount, 0) AS discount,
    status,
    created_at
FROM shop.orders
WHERE NOT is_test
