select c.customer_id
from customers c
where not exists (
    select 1 from orders o
    where o.customer_id = c.customer_id
      and exists (select 1 from refunds r where r.order_id = o.order_id)
)
