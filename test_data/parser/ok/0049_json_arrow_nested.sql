select
    payload -> 'items' -> 0 ->> 'sku' as first_sku,
    (payload ->> 'amount')::decimal(10, 2) as amount
from raw_events
where payload ->> 'type' = 'purchase'
