SELECT sum(amount) AS total FROM orders
