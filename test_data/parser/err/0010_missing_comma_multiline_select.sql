-- expect: missing comma after `sum(amount)` on line 4, before the `case` expression on line 5; FROM and GROUP BY stay intact
select
    order_id,
    sum(amount)
    case when status = 'x' then 1 end as flag
from orders
group by order_id;
