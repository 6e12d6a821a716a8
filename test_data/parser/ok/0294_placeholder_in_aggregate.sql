-- dialect: duckdb
select
    customer_id,
    sum(@cents_to_dollars(amount)) as total_dollars,
    count(*) filter (where created_at >= @start_date) as recent_orders
from payments
group by customer_id
