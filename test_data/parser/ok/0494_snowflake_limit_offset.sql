-- dialect: snowflake
SELECT * FROM orders ORDER BY order_date LIMIT 25 OFFSET 50
