select product_id from cart_items intersect all select product_id from order_items
