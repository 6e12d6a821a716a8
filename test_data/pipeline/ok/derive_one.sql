SELECT *, amount * (1 - coalesce(discount, 0)) AS net FROM orders
