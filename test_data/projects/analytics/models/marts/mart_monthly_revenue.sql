-- Monthly order revenue with month-over-month growth, rolling and year-to-date sums.
WITH monthly AS (
    SELECT
        date_trunc('month', order_date) AS revenue_month,
        count(*) AS orders,
        sum(net_amount) AS net_revenue,
        sum(total_units) AS units
    FROM int_order_totals
    GROUP BY 1
)

SELECT
    revenue_month,
    strftime(revenue_month, '%Y-%m') AS month_label,
    extract(year FROM revenue_month) AS revenue_year,
    extract(quarter FROM revenue_month) AS revenue_quarter,
    orders,
    net_revenue,
    units,
    lag(net_revenue) OVER (ORDER BY revenue_month) AS prev_month_revenue,
    net_revenue - lag(net_revenue) OVER (ORDER BY revenue_month) AS revenue_change,
    round(
        100.0 * (net_revenue - lag(net_revenue) OVER (ORDER BY revenue_month))
            / nullif(lag(net_revenue) OVER (ORDER BY revenue_month), 0),
        2
    ) AS growth_pct,
    sum(net_revenue) OVER (ORDER BY revenue_month ROWS BETWEEN 6 PRECEDING AND CURRENT ROW) AS rolling_7m_revenue,
    avg(orders) OVER (ORDER BY revenue_month ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS orders_3m_avg,
    sum(net_revenue) OVER (PARTITION BY extract(year FROM revenue_month) ORDER BY revenue_month) AS ytd_revenue
FROM monthly
ORDER BY revenue_month
