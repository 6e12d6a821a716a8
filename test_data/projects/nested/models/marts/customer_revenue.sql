-- Revenue per country and signup month; the ordinals keep GROUP BY in step with the select.
SELECT
    c.country_code,
    CAST(date_trunc('month', c.signed_up_on) AS DATE) AS signup_month,
    count(DISTINCT c.customer_id) AS customers,
    sum(co.paid_revenue) AS revenue
FROM stg_customers AS c
JOIN customer_orders AS co USING (customer_id)
GROUP BY 1, 2
