select * rename (id as order_id, amt as amount)
from raw_orders
