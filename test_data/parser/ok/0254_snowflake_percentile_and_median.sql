-- dialect: snowflake
select
    region,
    percentile_cont(0.5) within group (order by amount) as median_amount,
    median(amount) as median_amount_2,
    approx_count_distinct(customer_id) as customers
from orders
group by region
