SELECT * FROM orders WHERE amount >= 120
