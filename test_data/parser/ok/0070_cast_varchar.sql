select
    cast(customer_id as varchar) as customer_key,
    CAST(amount AS TEXT) as amount_text
from orders
