select * from orders order by customer_id asc, order_date desc
