-- dialect: ansi
select
    order_date,
    sum(revenue) over (order by order_date rows between unbounded preceding and current row) as cumulative,
    avg(revenue) over (order by order_date rows between 3 preceding and current row) as ma_4
from daily_revenue
