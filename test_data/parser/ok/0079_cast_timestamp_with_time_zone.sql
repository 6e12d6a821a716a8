select
    cast(created_at as timestamp with time zone) as created_tz,
    cast(created_at as timestamptz) as created_tz2,
    cast(created_at as timestamp) as created_ts
from orders
