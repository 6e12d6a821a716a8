select sub.customer_id, sub.total
from (
    select customer_id, sum(amount) as total from orders group by 1
) as sub
where sub.total > 100
