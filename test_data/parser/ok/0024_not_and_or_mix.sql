select *
from orders
where not is_test
  and (status = 'shipped' or status = 'delivered')
  and not (amount < 0 or amount is null)
