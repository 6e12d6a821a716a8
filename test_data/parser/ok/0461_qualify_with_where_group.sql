SELECT customer_id, order_date, sum(amount) AS total
FROM orders
WHERE status <> 'cancelled'
GROUP BY customer_id, order_date
HAVING sum(amount) > 0
QUALIFY rank() OVER (PARTITION BY customer_id ORDER BY sum(amount) DESC) <= 3
