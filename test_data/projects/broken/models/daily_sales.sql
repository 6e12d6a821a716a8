-- E036 (with daily_sales_v2): both write broken.main.daily_sales.
SELECT CAST(created_at AS DATE) AS day, sum(amount) AS revenue
FROM orders
GROUP BY 1
