-- dialect: databricks
select
    created_at + interval 1 day as next_day,
    created_at - interval '2' hour as two_hours_ago,
    date_add(created_at, 7) as due_date,
    date_trunc('MONTH', created_at) as order_month,
    datediff(shipped_at, created_at) as days_to_ship
from orders
