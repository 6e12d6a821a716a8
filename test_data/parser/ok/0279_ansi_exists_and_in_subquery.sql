-- dialect: ansi
select c.customer_id
from customers c
where exists (select 1 from orders o where o.customer_id = c.customer_id)
  and c.region in (select region from active_regions)
  and c.segment is not null
