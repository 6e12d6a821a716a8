select o.*, c.email
from orders o
join customers c on c.customer_id = o.customer_id
