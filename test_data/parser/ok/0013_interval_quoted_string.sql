select
    order_id,
    created_at + INTERVAL '1 day' as next_day,
    created_at - interval '2 weeks 3 days' as window_start
from orders
