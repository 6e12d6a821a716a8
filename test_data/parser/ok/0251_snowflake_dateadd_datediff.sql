-- dialect: snowflake
select
    dateadd(day, 7, created_at) as due_at,
    datediff(day, created_at, shipped_at) as days_to_ship,
    date_trunc('month', created_at) as order_month,
    date_part(year, created_at) as order_year
from orders
