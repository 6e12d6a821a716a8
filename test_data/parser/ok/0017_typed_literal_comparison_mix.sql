SELECT
  count(*) FILTER (WHERE created_at::DATE = DATE '2024-02-29') AS leap_day_orders,
  count(*) FILTER (WHERE created_at < TIMESTAMP '2024-01-01') AS pre_2024
FROM orders
