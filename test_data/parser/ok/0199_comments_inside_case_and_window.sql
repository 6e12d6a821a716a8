select
    case -- bucket by size
        when amount > 100 /* big */ then 'big'
        else 'small' -- default
    end as bucket,
    row_number() over ( -- dedupe
        partition by customer_id /* per customer */
        order by created_at desc
    ) as rn
from orders
