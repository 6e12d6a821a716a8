-- dialect: snowflake
select
    try_cast(raw_amount as number(12, 2)) as amount,
    TRY_CAST(raw_ts AS TIMESTAMP_NTZ) as created_at,
    try_cast(raw_flag as boolean) as flag
from raw.orders
