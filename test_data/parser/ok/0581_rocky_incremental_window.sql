-- dialect: duckdb

SELECT *
FROM raw.orders
WHERE order_date >= @start_date AND order_date < @end_date
