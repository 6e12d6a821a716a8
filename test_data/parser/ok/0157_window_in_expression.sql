select
    order_id,
    amount - avg(amount) over (partition by customer_id) as diff_from_avg,
    (amount - lag(amount) over (order by created_at)) / nullif(lag(amount) over (order by created_at), 0) as pct_change
from orders
