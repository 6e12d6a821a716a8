-- dialect: snowflake
select * exclude (_loaded_at, _source_file) rename (amt as amount)
from raw.payments
