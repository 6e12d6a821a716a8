select
    order_date,
    sum(revenue) over (order by order_date groups between 1 preceding and 1 following) as neighbourhood
from daily_revenue
