select
    customer_id,
    email isnull as missing_email,
    phone notnull as has_phone
from customers
