SELECT id, CASE WHEN amount > 100 AND channel = 'web' THEN 'big web' WHEN discount IS NULL THEN 'full price' ELSE 'other' END AS bucket FROM orders
