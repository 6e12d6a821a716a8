-- dialect: databricks
select
    order_id,
    row_number() over (partition by customer_id order by created_at desc) as rn,
    sum(amount) over (partition by customer_id order by created_at rows between unbounded preceding and current row) as running_total,
    lag(amount, 1, 0) over (partition by customer_id order by created_at) as prev_amount
from orders
