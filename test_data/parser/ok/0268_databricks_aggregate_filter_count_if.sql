-- dialect: databricks
select
    customer_id,
    sum(amount) filter (where amount > 0) as gross,
    count_if(status = 'returned') as returns,
    percentile_approx(amount, 0.5) as median_amount
from orders
group by customer_id
