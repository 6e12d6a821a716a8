select
    [1, 2, 3] as small_ints,
    [amount, tax, shipping] as components
from orders
