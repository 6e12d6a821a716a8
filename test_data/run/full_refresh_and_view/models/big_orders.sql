-- Orders over 10, live.
SELECT id FROM orders WHERE amount > 10
