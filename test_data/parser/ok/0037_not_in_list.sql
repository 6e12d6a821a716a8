select order_id
from orders
where payment_method not in ('gift_card', 'coupon', 'store_credit')
  and customer_id NOT IN (1, 2, 3)
