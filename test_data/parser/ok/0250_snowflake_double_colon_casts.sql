-- dialect: snowflake
select
    amount::number(18, 2) as amount,
    created_at::date as created_date,
    (amount * 100)::int as cents,
    '2024-01-01'::timestamp_ltz as ts
from orders
