-- dialect: duckdb
select
    @my_macro(amount, tax) + 1 as adjusted,
    -@cents_to_dollars(refund_amount) as refund_dollars
from payments
