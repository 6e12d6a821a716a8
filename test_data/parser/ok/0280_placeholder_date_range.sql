-- dialect: duckdb
select order_id, customer_id, amount
from orders
where created_at >= @start_date and created_at < @end_date
