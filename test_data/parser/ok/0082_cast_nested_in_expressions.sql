select
    cast(cast(amount as varchar) || '.00' as decimal(10,2)) as amount_roundtrip,
    cast((amount * 100) as bigint) % 100 as cents_part
from payments
