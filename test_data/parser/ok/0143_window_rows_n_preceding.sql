select
    order_date,
    avg(revenue) over (order by order_date rows 3 preceding) as ma_4
from daily_revenue
