WITH totals AS MATERIALIZED (
    SELECT customer_id, sum(amount) AS total FROM payments GROUP BY customer_id
)
SELECT * FROM totals WHERE total > 100
