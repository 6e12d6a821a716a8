-- dialect: bigquery
select
    order_id,
    sum(amount) over (partition by customer_id order by created_at rows between unbounded preceding and current row) as running_total
from orders
where amount > 0
qualify row_number() over (partition by customer_id order by created_at desc) = 1
