-- dialect: duckdb
select
    order_id,
    sum(@cents_to_dollars(amount)) over (partition by customer_id order by created_at) as running_dollars
from payments
where created_at >= @start_date
