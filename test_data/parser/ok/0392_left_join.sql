select c.id, o.id as order_id
from customers c
left join orders o on o.customer_id = c.id
