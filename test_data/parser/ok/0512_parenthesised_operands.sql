(SELECT id, amount FROM orders WHERE amount > 100)
UNION
(SELECT id, amount FROM refunds WHERE amount > 100)
