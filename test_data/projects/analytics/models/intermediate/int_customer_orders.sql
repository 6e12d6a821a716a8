-- One row per customer (with or without orders): order count, lifetime value, activity span.
SELECT
    g.customer_key,
    g.customer_name,
    g.nation_name,
    g.region_name,
    g.market_segment,
    count(t.order_key) AS order_count,
    coalesce(sum(t.net_amount), 0) AS lifetime_net,
    coalesce(sum(t.total_units), 0) AS lifetime_units,
    min(t.order_date) AS first_order_date,
    max(t.order_date) AS last_order_date,
    date_diff('day', min(t.order_date), max(t.order_date)) AS active_days,
    avg(t.net_amount) AS avg_order_value
FROM int_customer_geo AS g
LEFT JOIN int_order_totals AS t ON t.customer_key = g.customer_key
GROUP BY ALL
