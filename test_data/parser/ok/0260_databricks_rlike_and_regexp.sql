-- dialect: databricks
select *
from customers
where email rlike '^[a-z.]+@example\\.com$'
  and name not rlike '^test'
  and phone regexp '^[0-9-]+$'
