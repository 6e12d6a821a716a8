-- One row of headline KPIs, each from a scalar subquery.
SELECT
    (SELECT count(*) FROM int_order_totals) AS total_orders,
    (SELECT sum(net_amount) FROM int_order_totals) AS total_net_revenue,
    (SELECT median(net_amount) FROM int_order_totals) AS median_order_value,
    (SELECT count(*) FROM int_customer_orders WHERE order_count = 0) AS customers_without_orders,
    (SELECT count(DISTINCT customer_key) FROM stg_web_events) AS web_customers,
    (SELECT max(occurred_at) FROM stg_web_events) AS last_event_at,
    (SELECT sum(revenue) FROM stg_web_events)
        / (SELECT count(*) FROM stg_web_events WHERE event_type = 'purchase') AS avg_web_ticket,
    CAST((SELECT avg(line_count) FROM int_order_totals) AS DECIMAL(6, 2)) AS avg_lines_per_order,
    (SELECT sum(late_lines) FROM int_order_totals) AS total_late_lines,
    'as of ' || strftime((SELECT max(order_date) FROM int_order_totals), '%Y-%m-%d') AS snapshot_label
