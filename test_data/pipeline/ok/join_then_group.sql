SELECT o.customer_id, sum(i.qty) AS units, sum(i.qty * i.price) AS revenue FROM orders o JOIN items i ON o.id = i.order_id GROUP BY o.customer_id
