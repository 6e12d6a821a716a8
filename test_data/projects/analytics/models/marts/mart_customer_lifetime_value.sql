-- Customer lifetime value from orders and web purchases, with deciles and tiers.
WITH orders AS (
    SELECT
        customer_key,
        customer_name,
        region_name,
        order_count,
        lifetime_net,
        last_order_date,
        avg_order_value
    FROM int_customer_orders
),

web AS (
    SELECT
        customer_key,
        sum(revenue) AS web_revenue,
        count(*) AS web_active_days
    FROM int_web_sessions
    GROUP BY customer_key
),

combined AS (
    SELECT
        o.customer_key,
        o.customer_name,
        o.region_name,
        o.order_count,
        o.lifetime_net,
        coalesce(w.web_revenue, 0) AS web_revenue,
        coalesce(w.web_active_days, 0) AS web_active_days,
        o.lifetime_net + coalesce(w.web_revenue, 0) AS total_value,
        o.last_order_date,
        o.avg_order_value
    FROM orders AS o
    LEFT JOIN web AS w ON w.customer_key = o.customer_key
)

SELECT
    customer_key,
    customer_name,
    region_name,
    order_count,
    lifetime_net,
    web_revenue,
    web_active_days,
    total_value,
    round(avg_order_value, 2) AS avg_order_value,
    ntile(10) OVER (ORDER BY total_value DESC) AS value_decile,
    CASE
        WHEN total_value >= 500000 THEN 'platinum'
        WHEN total_value >= 200000 THEN 'gold'
        WHEN total_value > 0 THEN 'silver'
        ELSE 'prospect'
    END AS value_tier,
    order_count > 1 AS is_repeat_buyer,
    date_diff('day', last_order_date, DATE '1998-08-02') AS days_since_last_order
FROM combined
