select
    amount,
    count(*) over (order by amount range between 10 preceding and 10 following) as similar_count
from orders
