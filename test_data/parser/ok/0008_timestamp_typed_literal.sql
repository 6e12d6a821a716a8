SELECT order_id,
       TIMESTAMP '2024-03-15 08:30:00' AS cutoff_ts,
       created_at > TIMESTAMP '2024-03-15 08:30:00.123456' AS is_late
FROM orders
