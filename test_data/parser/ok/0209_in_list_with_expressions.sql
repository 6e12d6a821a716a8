select *
from orders
where lower(status) in (lower('Shipped'), 'deliv' || 'ered', upper('x'))
  and not (region in ('EU', 'UK'))
  and amount in (select max(amount) from orders group by region)
