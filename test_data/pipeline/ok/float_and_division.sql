SELECT id, amount / 2.0 AS half, 1.5e2 / 3 AS ratio FROM orders
