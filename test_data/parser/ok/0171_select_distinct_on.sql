select distinct on (customer_id, region)
    customer_id,
    region,
    order_id,
    created_at
from orders
order by customer_id, region, created_at desc
