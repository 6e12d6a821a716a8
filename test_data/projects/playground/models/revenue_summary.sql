-- Revenue per country, ranked.
SELECT
    country_code,
    sum(total_revenue) AS total_revenue,
    sum(order_count) AS orders,
    rank() OVER (ORDER BY sum(total_revenue) DESC) AS revenue_rank
FROM customer_orders
GROUP BY country_code
QUALIFY revenue_rank <= 10
ORDER BY revenue_rank
