select
    order_id,
    list_transform(line_amounts, x -> x * 1.2) as amounts_with_tax,
    list_transform(skus, s -> upper(s)) as skus_upper
from orders
