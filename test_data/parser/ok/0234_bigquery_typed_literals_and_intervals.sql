-- dialect: bigquery
select
    date '2024-01-01' as start_date,
    timestamp '2024-01-01 00:00:00 UTC' as start_ts,
    datetime '2024-01-01 10:00:00' as start_dt,
    timestamp_add(created_at, interval 1 day) as next_day,
    date_sub(current_date(), interval 7 day) as week_ago
from orders
