-- dialect: snowflake
select
    customer_id,
    last_value(email) respect nulls over (partition by customer_id order by updated_at) as last_email,
    first_value(phone) ignore nulls over (partition by customer_id order by updated_at) as first_phone,
    lag(status) ignore nulls over (partition by customer_id order by updated_at) as prev_status
from customer_updates
