select *
from customers
where email like '%@example.com'
  and email not like 'test%'
  and name LIKE 'A_%'
