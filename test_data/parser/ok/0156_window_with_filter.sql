select
    order_id,
    count(*) filter (where status = 'returned') over (partition by customer_id) as customer_returns
from orders
