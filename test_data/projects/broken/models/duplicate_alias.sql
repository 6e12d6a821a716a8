-- E124: two FROM items are both called `t`.
SELECT order_id, country_code
FROM orders AS t
JOIN customers AS t USING (customer_id)
