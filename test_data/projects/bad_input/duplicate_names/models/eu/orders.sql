SELECT 1 AS order_id, 'EU' AS region
