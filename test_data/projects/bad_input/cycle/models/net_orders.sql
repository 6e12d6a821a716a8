SELECT order_id, sum(amount) AS amount FROM refunds GROUP BY order_id
