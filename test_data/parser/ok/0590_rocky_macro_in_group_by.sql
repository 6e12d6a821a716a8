-- dialect: duckdb

SELECT @month_of(order_date) AS m, sum(amount) FROM orders GROUP BY @month_of(order_date)
