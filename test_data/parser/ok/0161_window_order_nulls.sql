select
    rank() over (partition by region order by amount desc nulls last, created_at asc nulls first) as rnk
from orders
