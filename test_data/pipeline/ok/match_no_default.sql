SELECT id, CASE WHEN channel = 'web' THEN 1 WHEN channel = 'app' THEN 2 END AS channel_code FROM orders
