-- Aggregation with HAVING and QUALIFY; a join on an expression.
SELECT
    c.country,
    sum(o.amount) AS total,
    count(DISTINCT o.customer_id) AS customers,
    rank() OVER (ORDER BY sum(o.amount) DESC) AS country_rank
FROM stg_orders AS o
JOIN stg_customers AS c ON o.customer_id = c.customer_id AND o.created_at >= TIMESTAMP '2020-01-01'
GROUP BY c.country
HAVING count(*) > 0
QUALIFY country_rank <= 10
