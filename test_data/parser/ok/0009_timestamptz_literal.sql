select
    order_id,
    created_at >= TIMESTAMPTZ '2024-01-01 00:00:00+00' as after_launch
from orders
