select order_id
from orders
where amount not between min_amount * 0.9 and max_amount * 1.1
  and discount between 0 and amount / 2 and is_valid
