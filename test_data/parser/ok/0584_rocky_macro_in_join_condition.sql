-- dialect: duckdb

SELECT o.id, c.name
FROM orders o
JOIN customers c ON @normalize_key(o.customer_key) = @normalize_key(c.key)
