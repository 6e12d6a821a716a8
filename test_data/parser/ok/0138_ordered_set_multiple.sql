select
    percentile_cont([0.25, 0.5, 0.75]) within group (order by amount) as quartiles
from orders
