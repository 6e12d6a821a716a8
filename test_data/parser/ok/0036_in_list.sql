select *
from orders
where status in ('placed', 'shipped', 'completed')
  and region IN ('EU')
