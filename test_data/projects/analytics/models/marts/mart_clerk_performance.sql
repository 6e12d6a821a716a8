-- Clerks ranked by the revenue of the orders they took: quartile, percent rank, cumulative share.
SELECT
    o.clerk_id,
    'Clerk ' || lpad(CAST(o.clerk_id AS VARCHAR), 3, '0') AS clerk_label,
    count(*) AS orders,
    sum(t.net_amount) AS net_revenue,
    avg(t.line_count) AS avg_lines,
    ntile(4) OVER (ORDER BY sum(t.net_amount) DESC) AS revenue_quartile,
    percent_rank() OVER (ORDER BY sum(t.net_amount)) AS revenue_percent_rank,
    cume_dist() OVER (ORDER BY sum(t.net_amount)) AS revenue_cume_dist,
    sum(sum(t.net_amount)) OVER (ORDER BY sum(t.net_amount) DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
        / sum(sum(t.net_amount)) OVER () AS cumulative_share
FROM stg_orders AS o
JOIN int_order_totals AS t ON t.order_key = o.order_key
GROUP BY o.clerk_id
