select customer_id, amount
from orders
order by row_number() over (partition by customer_id order by amount desc), customer_id
