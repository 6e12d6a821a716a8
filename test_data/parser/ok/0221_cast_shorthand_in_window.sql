select
    sum(amount::double) over (partition by created_at::date order by created_at) as daily_running,
    rank() over (order by (amount * 100)::bigint desc) as rnk
from orders
