-- E141: status is neither grouped nor aggregated.
SELECT customer_id, status, sum(amount) AS total FROM raw__shop.orders GROUP BY customer_id
