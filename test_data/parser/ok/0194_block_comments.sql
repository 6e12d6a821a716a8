/* stg_payments: cleans raw payments */
select
    payment_id,
    /* amounts are stored in cents */
    amount / 100 as amount
from payments
