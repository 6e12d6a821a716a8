select *
from orders o
where o.customer_id in (
    select customer_id
    from customers
    where is_vip
)
