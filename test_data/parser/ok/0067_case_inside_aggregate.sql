select
    customer_id,
    sum(case when status = 'completed' then amount else 0 end) as completed_revenue,
    count(case when status = 'returned' then 1 end) as returns
from orders
group by customer_id
