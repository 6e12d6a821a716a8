select
    customer_id,
    email is null as missing_email,
    phone is not null as has_phone
from customers
where deleted_at IS NULL
