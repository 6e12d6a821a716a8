select
    if(amount > 100, 'big', 'small') as size,
    if(is_test, null, amount) as real_amount
from orders
