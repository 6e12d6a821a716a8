-- E036 (with daily_sales): both write broken.main.daily_sales.
SELECT CAST(created_at AS DATE) AS day, sum(amount) AS revenue, count(*) AS orders
FROM orders
GROUP BY 1
