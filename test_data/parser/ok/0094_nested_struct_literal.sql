select {'id': order_id, 'customer': {'id': customer_id, 'tags': ['x', 'y']}} as doc
from orders
