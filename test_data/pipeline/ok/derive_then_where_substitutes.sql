SELECT id, amount - coalesce(discount, 0) * amount AS net FROM orders WHERE amount - coalesce(discount, 0) * amount > 100
