select *
from orders
where amount between 10 and 100
  and created_at between '2024-01-01' and '2024-12-31'
