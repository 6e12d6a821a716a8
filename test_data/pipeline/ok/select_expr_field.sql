SELECT id, amount * 100 AS cents FROM orders
