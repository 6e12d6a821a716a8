insert into orders (id, customer_id, status, amount, order_date)
select
    i,
    (i % 100) + 1,
    case i % 4 when 0 then 'placed' when 1 then 'shipped' when 2 then 'completed' else 'returned' end,
    cast(random() * 500 as decimal(10, 2)),
    cast(date '2024-01-01' + (i % 365) * interval 1 day as date)
from range(1000) t(i)
