select distinct customer_id, region
from orders
