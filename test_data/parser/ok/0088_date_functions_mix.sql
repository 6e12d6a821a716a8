select
    date_diff('day', first_order_at, last_order_at) as tenure_days,
    date_add(created_at, interval 1 month) as renewal_at,
    strftime(created_at, '%Y-%m') as ym,
    age(created_at) as order_age
from customer_orders
