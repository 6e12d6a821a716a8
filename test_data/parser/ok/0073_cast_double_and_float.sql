select
    cast(amount as double) as amount_d,
    cast(amount as float) as amount_f,
    cast(amount as real) as amount_r
from payments
