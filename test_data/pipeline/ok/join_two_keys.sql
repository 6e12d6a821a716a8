SELECT x.*, y.price FROM (SELECT order_id, product, qty FROM items) x JOIN (SELECT order_id, product, price FROM items) y ON x.order_id = y.order_id AND x.product = y.product
