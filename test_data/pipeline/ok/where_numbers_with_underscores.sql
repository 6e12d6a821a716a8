SELECT * FROM orders WHERE amount * 1000 > 100000
