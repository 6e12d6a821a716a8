select
    email.lower().trim() as email_clean,
    name.upper() as name_upper
from customers
