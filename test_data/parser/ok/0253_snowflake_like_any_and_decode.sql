-- dialect: snowflake
select
    decode(status, 'P', 'placed', 'S', 'shipped', 'unknown') as status_label,
    email like any ('%@corp.com', '%@corp.io') as is_internal
from customers
