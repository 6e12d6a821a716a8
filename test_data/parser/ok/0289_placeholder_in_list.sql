-- dialect: duckdb
select *
from orders
where region in (@var(primary_region, 'EU'), @var(secondary_region, 'US'))
