select
    date_trunc('month', created_at) as order_month,
    date_trunc('week', created_at)::date as order_week,
    count(*) as orders
from orders
group by 1, 2
