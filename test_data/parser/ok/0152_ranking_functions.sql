select
    customer_id,
    row_number() over (order by ltv desc) as rn,
    rank() over (order by ltv desc) as rnk,
    dense_rank() over (order by ltv desc) as drnk,
    percent_rank() over (order by ltv) as pct,
    cume_dist() over (order by ltv) as cd
from customer_ltv
