select
    extract(year from created_at) as order_year,
    EXTRACT(MONTH FROM created_at) as order_month,
    extract(dow from created_at) as day_of_week
from orders
