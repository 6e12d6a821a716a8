SELECT o.id, c.country, o.amount / sum(o.amount) OVER (PARTITION BY c.country) AS share FROM orders o JOIN customers c ON o.customer_id = c.id
