select
    order_id,
    row_number() over (partition by customer_id, region order by created_at desc) as rn
from orders
