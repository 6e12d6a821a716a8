SELECT id FROM (SELECT * FROM orders ORDER BY amount * coalesce(discount, 0) DESC, id LIMIT 3)
