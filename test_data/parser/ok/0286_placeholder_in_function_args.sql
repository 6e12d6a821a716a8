-- dialect: duckdb
select
    coalesce(region, @var(region, 'EU')) as region,
    round(@cents_to_dollars(amount), 2) as dollars
from orders
