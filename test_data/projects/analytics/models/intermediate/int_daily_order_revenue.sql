-- Orders and revenue per order date.
SELECT
    order_date,
    count(*) AS orders,
    sum(net_amount) AS net_revenue,
    sum(line_count) AS lines,
    sum(late_lines) AS late_lines
FROM int_order_totals
GROUP BY order_date
