SELECT * FROM orders WHERE amount > 100
