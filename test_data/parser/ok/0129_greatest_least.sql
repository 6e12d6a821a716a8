select
    greatest(updated_at, created_at, shipped_at) as last_touched,
    least(amount, credit_limit) as capped,
    greatest(0, least(discount, 1)) as clamped
from orders
