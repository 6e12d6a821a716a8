-- Monthly web funnel: visitors, each step's count and conversion rates.
SELECT
    event_month_label,
    date_trunc('month', event_date) AS funnel_month,
    count(DISTINCT customer_key) AS known_visitors,
    count(*) FILTER (WHERE is_anonymous) AS anonymous_events,
    count(*) FILTER (WHERE event_type = 'page_view') AS page_views,
    count(*) FILTER (WHERE event_type = 'add_to_cart') AS add_to_carts,
    count(*) FILTER (WHERE event_type = 'checkout') AS checkouts,
    count(*) FILTER (WHERE event_type = 'purchase') AS purchases,
    count(*) FILTER (WHERE event_type = 'signup') AS signups,
    round(100.0 * purchases / nullif(page_views, 0), 2) AS view_to_purchase_pct,
    sum(revenue) AS revenue,
    sum(revenue) / nullif(purchases, 0) AS revenue_per_purchase
FROM stg_web_events
GROUP BY event_month_label, funnel_month
ORDER BY funnel_month
