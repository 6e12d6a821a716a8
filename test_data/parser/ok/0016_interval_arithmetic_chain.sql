select
    created_at + INTERVAL 30 MINUTE - INTERVAL '1' SECOND as adjusted_at,
    INTERVAL 1 DAY * 7 as one_week
from orders
