select
    customer_id,
    first_value(email ignore nulls) over (partition by customer_id order by updated_at) as first_email,
    last_value(phone IGNORE NULLS) over (partition by customer_id order by updated_at
        rows between unbounded preceding and unbounded following) as last_phone
from customer_updates
