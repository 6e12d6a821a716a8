select
    order_id,
    case status
        when 'P' then 'placed'
        when 'S' then 'shipped'
        when 'D' then 'delivered'
        else 'unknown'
    end as status_label
from orders
