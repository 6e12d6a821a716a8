-- W003: only the start of the window.
SELECT CAST(created_at AS DATE) AS day, amount FROM orders WHERE created_at >= @start_date
