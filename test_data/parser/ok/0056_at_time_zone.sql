select
    order_id,
    created_at at time zone 'UTC' as created_utc,
    created_at AT TIME ZONE 'America/New_York' as created_ny
from orders
