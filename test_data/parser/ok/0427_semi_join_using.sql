SELECT * FROM products SEMI JOIN order_items USING (product_id)
