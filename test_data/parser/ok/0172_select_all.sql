select all customer_id, amount from orders
