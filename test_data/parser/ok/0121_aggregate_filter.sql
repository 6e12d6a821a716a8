select
    customer_id,
    sum(amount) filter (where amount > 0) as gross,
    sum(amount) FILTER (WHERE status = 'refunded') as refunds,
    count(*) filter (where created_at >= date '2024-01-01') as orders_2024
from orders
group by customer_id
