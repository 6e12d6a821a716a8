select
    try_cast(raw_amount as decimal(12, 2)) as amount,
    TRY_CAST(raw_qty AS INTEGER) as qty,
    try_cast(raw_ts as timestamp) as ts
from staging_orders
where try_cast(raw_amount as double) is not null
