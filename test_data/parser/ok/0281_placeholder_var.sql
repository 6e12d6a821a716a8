-- dialect: duckdb
select *
from orders
where region = @var(region)
