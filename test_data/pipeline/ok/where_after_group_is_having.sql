SELECT customer_id, count(*) AS n, sum(amount) AS total FROM orders GROUP BY customer_id HAVING count(*) >= 2
