SELECT id, CASE WHEN amount > 500 THEN 'huge' WHEN amount >= 100 THEN 'big' WHEN amount = 0 THEN 'free' ELSE 'small' END AS size FROM orders
