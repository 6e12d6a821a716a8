SELECT o.id, o.amount FROM orders AS o
