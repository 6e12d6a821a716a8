-- Orders and web behaviour side by side per customer (full outer join), with channel flags.
WITH web AS (
    SELECT
        customer_key,
        count(*) AS active_days,
        sum(event_count) AS events,
        sum(purchases) AS web_purchases,
        sum(revenue) AS web_revenue,
        max(event_date) AS last_seen_date,
        bool_or(converted) AS has_converted
    FROM int_web_sessions
    GROUP BY customer_key
)

SELECT
    coalesce(o.customer_key, w.customer_key) AS customer_key,
    o.customer_name,
    o.region_name,
    coalesce(o.order_count, 0) AS order_count,
    coalesce(w.events, 0) AS web_events,
    coalesce(w.web_purchases, 0) AS web_purchases,
    coalesce(o.lifetime_net, 0) + coalesce(w.web_revenue, 0) AS combined_revenue,
    o.last_order_date,
    w.last_seen_date,
    o.order_count > 0 AS has_orders,
    w.customer_key IS NOT NULL AS is_web_user,
    coalesce(w.has_converted, false) AS has_web_purchase,
    CASE
        WHEN o.order_count > 0 AND w.customer_key IS NOT NULL THEN 'omnichannel'
        WHEN o.order_count > 0 THEN 'offline only'
        WHEN w.customer_key IS NOT NULL THEN 'web only'
        ELSE 'inactive'
    END AS channel_mix
FROM int_customer_orders AS o
FULL OUTER JOIN web AS w ON w.customer_key = o.customer_key
