SELECT d.d, o.cnt
FROM generate_series(DATE '2024-01-01', DATE '2024-01-31', INTERVAL 1 DAY) AS d(d)
LEFT JOIN daily_orders o ON o.order_date = d.d
