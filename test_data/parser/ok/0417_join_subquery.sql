select c.id, t.total
from customers c
join (select customer_id, sum(amount) as total from orders group by 1) t
  on t.customer_id = c.id
