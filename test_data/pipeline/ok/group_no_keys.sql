SELECT count(*) AS n, max(amount) AS biggest, avg(amount) AS avg_amount FROM orders
