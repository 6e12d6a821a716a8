select
    case
        when amount > (select percentile_cont(0.9) within group (order by amount) from orders) then 'top'
        else 'rest'
    end as bucket
from orders
