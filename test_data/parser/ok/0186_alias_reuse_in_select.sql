select
    amount * 0.2 as tax,
    amount + tax as gross
from orders
