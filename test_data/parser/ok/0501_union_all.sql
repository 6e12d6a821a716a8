SELECT id, 'web' AS source FROM web_orders
UNION ALL
SELECT id, 'store' AS source FROM store_orders
