-- E024: no window in the query.
SELECT CAST(created_at AS DATE) AS day, amount FROM orders
