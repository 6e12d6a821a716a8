select
    ((((amount)))) as a,
    (((amount + 1) * (tax - 1)) / ((quantity))) as b,
    not (not (is_active)) as c
from orders
