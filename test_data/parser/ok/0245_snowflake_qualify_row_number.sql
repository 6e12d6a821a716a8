-- dialect: snowflake
select
    customer_id,
    email,
    updated_at
from customers
qualify row_number() over (partition by customer_id order by updated_at desc) = 1
