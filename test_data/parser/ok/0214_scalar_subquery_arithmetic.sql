select
    region,
    sum(amount) / (select sum(amount) from orders) * 100 as pct_of_total,
    (select count(*) from customers) - count(distinct customer_id) as non_buyers
from orders
group by region
