SELECT id, amount + 1 AS a, (amount + 1) * 2 AS b FROM orders WHERE (amount + 1) * 2 > 500
