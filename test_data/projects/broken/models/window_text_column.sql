-- E021: the time column is text.
SELECT status, amount FROM orders WHERE created_at >= @start_date AND created_at < @end_date
