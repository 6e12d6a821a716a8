select
    case
        when amount between 0 and 10 and not is_refund then 'micro'
        when email like '%@corp.com' or email is null then 'internal'
        when created_at >= current_date - interval 7 day then 'recent'
    else 'other' end as bucket
from payments
