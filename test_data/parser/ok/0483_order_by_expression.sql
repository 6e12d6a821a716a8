SELECT * FROM products ORDER BY price * quantity DESC, lower(name)
