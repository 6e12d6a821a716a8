select
    order_id::varchar::int as order_id_roundtrip,
    created_at::date::varchar as created_day_str,
    '42'::integer::bigint::double as n
from orders
