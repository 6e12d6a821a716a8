-- dialect: duckdb
select
    if(amount > @var(threshold, 1000), 'big', 'small') as size,
    coalesce(discount, @var(default_discount, 0)) as discount
from orders
