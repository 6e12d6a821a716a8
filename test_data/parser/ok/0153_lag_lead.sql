select
    order_id,
    lag(amount, 1, 0) over (partition by customer_id order by created_at) as prev_amount,
    lead(created_at) over (partition by customer_id order by created_at) as next_order_at,
    lead(status, 2, 'none') over (partition by customer_id order by created_at) as status_in_two
from orders
