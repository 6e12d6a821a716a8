select
    order_date,
    revenue,
    sum(revenue) over (order by order_date) as cumulative,
    revenue / sum(revenue) over (partition by date_trunc('month', order_date)) as month_share
from daily_revenue
