select c.id, l.last_amount
from customers c,
lateral (
    select amount as last_amount from orders o
    where o.customer_id = c.id
    order by order_date desc
    limit 1
) l
