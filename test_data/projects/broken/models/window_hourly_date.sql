-- E025: hourly partitions of a DATE.
SELECT CAST(created_at AS DATE) AS day, amount FROM orders WHERE created_at >= @start_date AND created_at < @end_date
