select o.* exclude (customer_id), c.* EXCLUDE (created_at, updated_at)
from orders o
join customers c using (customer_id)
