-- E026: first_partition is no day.
SELECT CAST(created_at AS DATE) AS day, amount FROM orders WHERE created_at >= @start_date AND created_at < @end_date
