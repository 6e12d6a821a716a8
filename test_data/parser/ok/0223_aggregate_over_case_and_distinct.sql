select
    count(distinct case when amount > 0 then customer_id end) as paying_customers,
    sum(distinct amount) as distinct_amount_sum,
    avg(coalesce(discount, 0)) filter (where region = 'EU') as eu_avg_discount
from orders
