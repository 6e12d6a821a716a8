select * exclude (debug_info) replace (round(amount, 2) as amount)
from orders
