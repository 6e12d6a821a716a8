-- dialect: duckdb
select customer_id, amount
from orders
where region = @var(region, 'EU')
