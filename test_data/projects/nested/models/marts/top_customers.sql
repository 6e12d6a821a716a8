-- The three best customers per country. The CTE `customer_revenue` shadows the model of
-- that name: below it means revenue per customer, not the per-country mart.
WITH customer_revenue AS (
    SELECT customer_id, full_name, country_code, paid_revenue AS revenue, order_count
    FROM customer_orders
    WHERE order_count > 0
)
SELECT
    country_code,
    customer_id,
    full_name,
    revenue,
    revenue / order_count AS revenue_per_order,
    row_number() OVER (PARTITION BY country_code ORDER BY revenue DESC, customer_id) AS country_rank
FROM customer_revenue
QUALIFY country_rank <= 3
ORDER BY country_code, country_rank
