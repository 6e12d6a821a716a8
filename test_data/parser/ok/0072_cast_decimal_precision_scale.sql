select
    cast(amount as decimal(18, 2)) as amount,
    cast(rate as NUMERIC(10,6)) as rate,
    cast(qty as decimal) as qty
from order_lines
