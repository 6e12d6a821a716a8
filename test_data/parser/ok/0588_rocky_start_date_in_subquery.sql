-- dialect: duckdb

select *
from customers c
where exists (
    select 1 from orders o where o.customer_id = c.id and o.created_at > @start_date
)
