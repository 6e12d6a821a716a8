-- dialect: bigquery
select
    extract(dayofweek from created_at) as dow,
    extract(year from created_at) as yr,
    date_trunc(date(created_at), month) as order_month,
    timestamp_trunc(created_at, hour) as order_hour
from orders
