select
    amount ^ 2 as amount_sq,
    amount ** 0.5 as amount_sqrt,
    2 ** 10 as kib,
    -2 ^ 2 as neg_sq
from payments
