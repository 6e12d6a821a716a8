select
    round(sum(coalesce(amount, 0)) / nullif(count(distinct customer_id), 0), 2) as avg_rev_per_customer,
    lower(trim(regexp_replace(email, '\s+', '', 'g'))) as email_norm
from orders
