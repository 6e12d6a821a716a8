select
    order_id,
    case when amount > 1000 then 'large' end as size_flag,
    case payment_method when 'card' then 1 end as is_card
from orders
