select
    date_part('year', created_at) as yr,
    date_part('quarter', created_at) as qtr,
    datepart('hour', created_at) as hr
from orders
