-- E020: the time column is not in the output.
SELECT CAST(created_at AS DATE) AS day, amount FROM orders WHERE created_at >= @start_date AND created_at < @end_date
