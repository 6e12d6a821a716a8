select distinct customer_id from orders
