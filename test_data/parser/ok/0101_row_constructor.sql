select
    row(1, 2) as r,
    row(customer_id, amount) as pair
from orders
