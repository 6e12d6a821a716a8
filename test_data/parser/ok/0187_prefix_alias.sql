select
    total_amount: amount + tax,
    order_year: extract(year from created_at)
from orders
