with recent as (
    select customer_id, sum(amount) as total, count(*) filter (where amount > 0) as n
    from orders
    where order_date >= date '2024-01-01' and status in ('paid', 'shipped')
    group by all
)
select c.name, r.total::decimal(18, 2), list_transform(r.tags, x -> upper(x)) as tags,
       row_number() over (partition by c.region order by r.total desc rows between unbounded preceding and current row) as rk
from recent r
left join customers c using (customer_id)
qualify rk <= 10
order by r.total desc nulls last
limit 100 offset 0;
