select
    case extract(dow from created_at)
        when 0 then 'weekend'
        when 6 then 'weekend'
        when null then 'unknown'
        else 'weekday'
    end as day_type,
    case amount > 100 when true then 'big' when false then 'small' end as size
from orders
