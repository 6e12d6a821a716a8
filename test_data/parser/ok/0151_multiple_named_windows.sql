select
    first_value(order_id) over by_customer as first_order,
    lag(amount) over by_time as prev_amount
from orders
window by_customer as (partition by customer_id order by created_at),
       by_time as (order by created_at rows between 1 preceding and current row)
