-- dialect: snowflake
select
    order_date,
    avg(revenue) over (order by order_date rows between 6 preceding and current row) as ma_7,
    sum(revenue) over (partition by region order by order_date rows between unbounded preceding and current row) as cumulative
from daily_revenue
