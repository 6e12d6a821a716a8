select
    case
        when status in ('void', 'cancelled') then 'dead'
        when amount between 0 and 10 then 'micro'
        when email not like '%@%' then 'bad_email'
        when created_at is null then null
    end as flag
from orders
