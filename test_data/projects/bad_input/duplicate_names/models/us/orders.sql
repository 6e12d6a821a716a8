SELECT 2 AS order_id, 'US' AS region
