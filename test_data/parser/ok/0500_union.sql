select id from customers union select customer_id from orders
