select
    -1 as neg_one,
    +2.5 as pos,
    - -3 as double_neg,
    -1.5e-2 as tiny_neg
from orders
