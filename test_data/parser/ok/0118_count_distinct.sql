select
    count(distinct customer_id) as customers,
    count(DISTINCT (customer_id, region)) as customer_regions,
    approx_count_distinct(session_id) as sessions
from orders
