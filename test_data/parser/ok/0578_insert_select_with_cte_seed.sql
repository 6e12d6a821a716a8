insert into dim_products
with base as (select i from range(1, 51) t(i))
select i as id, 'product_' || lpad(cast(i as varchar), 3, '0') as name, cast(i * 9.99 as decimal(12, 2)) as price
from base
