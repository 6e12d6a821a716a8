SELECT a.id, a.amount, b.qty FROM (SELECT id, amount FROM orders) a JOIN (SELECT order_id AS id, qty FROM items) b ON a.id = b.id
