-- dialect: snowflake
select c.id, r.total
from customers c,
lateral (select sum(amount) as total from orders o where o.customer_id = c.id) r
