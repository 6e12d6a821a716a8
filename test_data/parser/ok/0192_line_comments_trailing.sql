select
    customer_id,        -- the customer
    amount,             -- gross amount in cents
    status              -- current status
from orders             -- source table
