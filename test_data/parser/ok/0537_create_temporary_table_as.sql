create temporary table recent_orders as
select * from orders where order_date > current_date - 7
