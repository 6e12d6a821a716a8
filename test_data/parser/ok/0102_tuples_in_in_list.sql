select *
from orders
where (customer_id, region) in ((1, 'EU'), (2, 'US'), (3, 'APAC'))
