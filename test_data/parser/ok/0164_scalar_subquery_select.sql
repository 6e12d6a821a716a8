select
    c.customer_id,
    (select count(*) from orders o where o.customer_id = c.customer_id) as order_count,
    (select max(created_at) from orders o where o.customer_id = c.customer_id) as last_order_at
from customers c
