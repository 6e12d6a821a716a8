select
    order_id,
    coalesce(lag(amount) over (partition by customer_id order by created_at), 0) as prev_amount,
    coalesce(sum(amount) over (partition by customer_id order by created_at rows between 1 preceding and 1 preceding), 0) as prev_sum
from orders
