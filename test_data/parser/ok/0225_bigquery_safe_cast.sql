-- dialect: bigquery
select
    safe_cast(raw_amount as NUMERIC) as amount,
    SAFE_CAST(raw_qty AS INT64) as qty,
    safe_cast(raw_ts as TIMESTAMP) as ts
from `staging.orders`
