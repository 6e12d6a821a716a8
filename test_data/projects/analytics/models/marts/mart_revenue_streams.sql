-- Monthly revenue of both channels stacked: orders (DATE months) and web (TIMESTAMP months).
SELECT
    'orders' AS stream,
    order_month AS period_start,
    sum(net_amount) AS revenue,
    count(*) AS transactions,
    avg(net_amount) AS avg_ticket
FROM int_order_totals
GROUP BY order_month

UNION ALL

SELECT
    'web' AS stream,
    date_trunc('month', occurred_at) AS period_start,
    sum(revenue) AS revenue,
    CAST(count(*) FILTER (WHERE event_type = 'purchase') AS INTEGER) AS transactions,
    CAST(sum(revenue) / nullif(count(*) FILTER (WHERE event_type = 'purchase'), 0) AS DECIMAL(12, 2)) AS avg_ticket
FROM stg_web_events
GROUP BY 1, 2
