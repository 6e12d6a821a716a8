SELECT * FROM orders WHERE discount IS NULL
