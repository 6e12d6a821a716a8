-- D011: the SQL reads `customers`, which depends_on does not list.
SELECT o.order_id, o.amount, c.country_code
FROM orders AS o
LEFT JOIN customers AS c USING (customer_id)
