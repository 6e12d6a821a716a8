select
    coalesce(nickname, first_name, 'anonymous') as display_name,
    amount / nullif(quantity, 0) as unit_price,
    coalesce(nullif(trim(email), ''), 'n/a') as email
from customers
