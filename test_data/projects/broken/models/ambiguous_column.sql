-- E121: both sides of the join have `customer_id`.
SELECT customer_id, o.amount
FROM orders AS o
JOIN customers AS c ON o.customer_id = c.customer_id
