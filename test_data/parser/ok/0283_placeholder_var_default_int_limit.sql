-- dialect: duckdb
select *
from orders
order by created_at desc
limit @var(limit_n, 10)
