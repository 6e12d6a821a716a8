select
    (amount > 0) = is_paid as consistent,
    amount < limit_amount is true as under_limit,
    (email is null) <> (phone is null) as exactly_one_contact
from orders
