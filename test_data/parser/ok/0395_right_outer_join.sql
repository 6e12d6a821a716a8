SELECT * FROM payments p RIGHT OUTER JOIN orders o ON p.order_id = o.id
