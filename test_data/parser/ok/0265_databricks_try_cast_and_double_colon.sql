-- dialect: databricks
select
    try_cast(raw_amount as double) as amount,
    raw_qty::int as qty,
    created_at::date as created_date
from staging_orders
