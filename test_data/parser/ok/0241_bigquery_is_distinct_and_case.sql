-- dialect: bigquery
select
    case
        when cur.email is distinct from prev.email then 'changed'
        when cur.email is null then 'missing'
        else 'same'
    end as email_change
from `snap.current` cur
left join `snap.previous` prev using (customer_id)
