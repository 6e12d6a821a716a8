select
    order_id,
    amount + tax * quantity - discount / 2 as net,
    (amount + tax) * quantity as gross,
    amount * quantity % 7 as bucket
from order_lines
