-- dialect: ansi
select *
from orders
where created_at >= timestamp '2024-01-01 00:00:00'
  and created_at < date '2024-02-01' + interval '1' day
