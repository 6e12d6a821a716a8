-- dialect: bigquery
select
    cast(tags as ARRAY<STRING>) as tags,
    safe_cast(ids as ARRAY<INT64>) as ids
from customers
