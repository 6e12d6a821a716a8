-- dialect: ansi
select
    cast(amount as decimal(18, 2)) as amount,
    cast(created_at as timestamp with time zone) as created_tz,
    extract(year from created_at) as yr,
    cast(qty as double precision) as qty
from orders
