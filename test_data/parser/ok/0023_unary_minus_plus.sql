select
    -amount as negated,
    +amount as same,
    -(amount - refund_amount) as net_outflow,
    abs(-amount) as magnitude
from payments
