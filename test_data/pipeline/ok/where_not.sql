SELECT * FROM orders WHERE NOT (amount > 100)
