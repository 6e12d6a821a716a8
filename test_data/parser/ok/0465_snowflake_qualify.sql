-- dialect: snowflake
select id, updated_at, status
from raw.customers
qualify row_number() over (partition by id order by updated_at desc) = 1
