select *
from orders
where (status = 'completed' or status = 'shipped')
  and amount between 10 and 1000
  and customer_id not in (select id from test_customers)
  and coalesce(discount, 0) < 0.5
  and email like '%@example.com'
  and deleted_at is null
