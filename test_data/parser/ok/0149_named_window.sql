select
    order_id,
    sum(amount) over w as running_total,
    row_number() over w as rn
from orders
window w as (partition by customer_id order by created_at)
