select
    created_at::date date,
    amount value,
    label name,
    kind type
from orders
