-- One row per customer: orders placed, revenue paid, and when they last paid.
WITH paid AS (
    SELECT order_id, sum(amount) AS paid_amount
    FROM stg_payments
    GROUP BY order_id
)
SELECT
    c.customer_id,
    c.full_name,
    c.country_code,
    c.signed_up_on,
    count(o.order_id) AS order_count,
    coalesce(sum(p.paid_amount), 0) AS paid_revenue,
    (
        SELECT max(pm.paid_at)
        FROM stg_payments AS pm
        JOIN stg_orders AS o2 USING (order_id)
        WHERE o2.customer_id = c.customer_id
    ) AS last_paid_at
FROM stg_customers AS c
LEFT JOIN stg_orders AS o USING (customer_id)
LEFT JOIN paid AS p USING (order_id)
WHERE o.is_cancelled IS NOT TRUE
GROUP BY c.customer_id, c.full_name, c.country_code, c.signed_up_on
