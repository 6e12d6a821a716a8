SELECT * FROM orders ORDER BY amount, id LIMIT 3
