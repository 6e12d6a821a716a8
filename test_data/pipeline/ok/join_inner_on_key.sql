SELECT o.id, i.product, i.qty FROM orders AS o JOIN items AS i ON o.id = i.order_id
