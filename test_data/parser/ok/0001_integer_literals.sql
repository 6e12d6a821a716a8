select
    customer_id,
    0 as zero_flag,
    42 as answer,
    1000000 as big_n
from orders
