select c.customer_id
from customers c
where c.customer_id not in (select customer_id from orders where customer_id is not null)
