select
    order_id,
    sum(amount) over (w order by created_at) as running_total,
    count(*) over (w) as orders_in_partition
from orders
window w as (partition by customer_id)
