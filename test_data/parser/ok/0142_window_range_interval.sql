select
    customer_id,
    created_at,
    sum(amount) over (
        partition by customer_id
        order by created_at
        range between interval 7 days preceding and current row
    ) as rolling_7d
from orders
