select
    customer_id,
    list(distinct product_id order by product_id) as products,
    arg_max(status, updated_at) as latest_status,
    quantile_cont(amount, 0.5) as median_amount
from order_lines
group by customer_id
