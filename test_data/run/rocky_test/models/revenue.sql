SELECT o.customer_id, c.name, sum(o.amount) AS revenue, count(*) AS orders
FROM orders AS o
LEFT JOIN customers AS c ON c.id = o.customer_id
WHERE o.status = 'paid'
GROUP BY ALL
