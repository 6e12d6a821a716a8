select *
from customers_snapshot cur
join customers_snapshot prev
  on cur.customer_id = prev.customer_id
where cur.email is distinct from prev.email
   or cur.region IS NOT DISTINCT FROM NULL
