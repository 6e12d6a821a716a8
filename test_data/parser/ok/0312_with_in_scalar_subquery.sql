select
    id,
    (with m as (select max(amount) as mx from payments) select mx from m) as max_amount
from customers
