-- Orders with the loader's totals; cancelled orders are kept and flagged.
SELECT
    o.order_id,
    o.customer_id,
    o.status,
    o.status = 'cancelled' AS is_cancelled,
    o.ordered_at,
    coalesce(t.order_total, 0) AS order_total,
    coalesce(t.line_count, 0) AS line_count
FROM raw__shop.orders AS o
LEFT JOIN raw__shop.order_totals AS t USING (order_id)
