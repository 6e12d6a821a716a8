-- Daily order revenue with a 7-row moving sum, week bucket and days since the previous order day.
SELECT
    order_date,
    date_trunc('week', order_date) AS order_week,
    strftime(order_date, '%Y-W%V') AS iso_week_label,
    orders,
    net_revenue,
    lines,
    late_lines,
    sum(net_revenue) OVER (ORDER BY order_date ROWS BETWEEN 6 PRECEDING AND CURRENT ROW) AS revenue_7_days,
    avg(net_revenue) OVER (ORDER BY order_date ROWS BETWEEN 6 PRECEDING AND CURRENT ROW) AS avg_revenue_7_days,
    date_diff('day', lag(order_date) OVER (ORDER BY order_date), order_date) AS days_since_prev,
    sum(orders) OVER (ORDER BY order_date) AS cumulative_orders,
    late_lines > 0 AS had_late_lines,
    net_revenue > avg(net_revenue) OVER () AS above_average
FROM int_daily_order_revenue
