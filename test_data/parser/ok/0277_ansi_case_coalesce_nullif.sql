-- dialect: ansi
select
    case when amount > 0 then 'pos' when amount < 0 then 'neg' else 'zero' end as sign,
    coalesce(discount, 0) as discount,
    amount / nullif(quantity, 0) as unit_price
from orders
