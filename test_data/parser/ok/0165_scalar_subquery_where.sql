select *
from orders
where amount > (select avg(amount) from orders)
  and created_at >= (select min(created_at) from campaigns where name = 'spring')
