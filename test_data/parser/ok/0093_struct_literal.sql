select
    {'a': 1, 'b': 'x'} as pair,
    {'customer_id': customer_id, 'total': amount} as summary
from orders
