select *
from orders o
where o.status = 'open' or o.status = 'pending' and o.amount > 100 or not o.is_test and o.region = 'EU'
