select
    main.my_func(amount) as converted,
    my_schema.normalize_email(email) as email_norm
from customers
