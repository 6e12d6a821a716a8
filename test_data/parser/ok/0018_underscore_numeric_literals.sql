select
    amount > 1_000_000 as is_whale,
    amount / 1_000 as amount_k
from orders
