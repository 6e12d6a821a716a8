-- dialect: snowflake
select *
from customers
where email ilike '%@gmail.com'
  and name rlike '^[A-Z][a-z]+$'
  and phone not ilike '555%'
