select customer_id, status, sum(amount) as total from orders group by all
