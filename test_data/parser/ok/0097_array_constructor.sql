select
    ARRAY[1, 2] as pair,
    array[customer_id, referrer_id] as ids
from customers
