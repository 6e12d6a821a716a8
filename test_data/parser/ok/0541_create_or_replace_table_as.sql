CREATE OR REPLACE TABLE mart.daily AS SELECT order_date, count(*) AS n FROM orders GROUP BY ALL
