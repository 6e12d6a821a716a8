-- E171 (with revenue_eu): both sidecars name the model `regional_revenue`.
SELECT o.order_id, o.amount
FROM orders AS o
JOIN customers AS c USING (customer_id)
WHERE c.country_code = 'US'
