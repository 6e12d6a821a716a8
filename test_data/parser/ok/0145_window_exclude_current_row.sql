select
    order_id,
    avg(amount) over (
        partition by customer_id order by created_at
        rows between 2 preceding and 2 following exclude current row
    ) as neighbour_avg
from orders
