select
    (amount between 1 and 10) and is_active as small_active,
    amount between lo + 1 and hi - 1 as strictly_inside
from orders
