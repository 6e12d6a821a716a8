INSERT INTO mart.daily_totals
WITH d AS (SELECT order_date, sum(amount) AS total FROM orders GROUP BY order_date)
SELECT * FROM d
