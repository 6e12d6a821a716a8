select
    region,
    percentile_cont(0.5) within group (order by amount) as median_amount,
    percentile_disc(0.9) WITHIN GROUP (ORDER BY amount DESC) as p90,
    mode() within group (order by payment_method) as common_method
from orders
group by region
