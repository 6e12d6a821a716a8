select
    order_id,
    created_at + INTERVAL 1 DAY as next_day,
    created_at - interval 3 hours as three_hours_ago
from orders
