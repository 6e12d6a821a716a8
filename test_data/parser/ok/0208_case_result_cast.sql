select
    (case when amount::int > 0 then amount end)::varchar as amount_text,
    cast(case status when 'A' then 1 else 0 end as boolean) as is_a
from orders
