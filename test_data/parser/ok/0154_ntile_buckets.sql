select customer_id, ntile(10) over (order by ltv desc) as decile
from customer_ltv
