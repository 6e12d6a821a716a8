select
    order_id,
    amount,
    sum(amount) over () as grand_total,
    amount / sum(amount) over () as share
from orders
