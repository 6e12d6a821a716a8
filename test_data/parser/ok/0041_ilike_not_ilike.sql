select customer_id, email
from customers
where email ilike '%@GMAIL.COM'
  and name not ilike 'test%'
