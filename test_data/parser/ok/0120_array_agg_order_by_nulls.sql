select
    customer_id,
    array_agg(order_id order by created_at desc nulls last) as order_ids,
    list(amount ORDER BY created_at ASC NULLS FIRST) as amounts
from orders
group by all
