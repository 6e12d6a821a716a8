select o.order_id
from orders o
join customers c on c.customer_id::varchar = o.customer_ref
where o.amount::decimal(10, 2) > 0
  and cast(o.created_at as date) = current_date
