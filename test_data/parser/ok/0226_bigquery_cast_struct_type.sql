-- dialect: bigquery
select
    cast(address as STRUCT<street STRING, zip STRING>) as address,
    safe_cast(meta as STRUCT<a INT64>) as meta
from customers
