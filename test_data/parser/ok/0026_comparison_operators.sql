select
    amount = 0 as is_zero,
    amount <> 0 as is_nonzero,
    amount != refund_amount as differs,
    amount < 10 as small,
    amount <= 10 as small_or_ten,
    amount > 1000 as large,
    amount >= 1000 as large_or_k
from payments
