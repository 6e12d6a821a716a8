select *
from orders
where created_at >= current_date - interval 30 day
  and created_at < current_timestamp
