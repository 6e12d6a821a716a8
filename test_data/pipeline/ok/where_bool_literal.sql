SELECT * FROM orders WHERE (amount > 50) = TRUE
