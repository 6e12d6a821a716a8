select count(*) as n, COUNT(*) filter (where is_test) as n_test
from orders
