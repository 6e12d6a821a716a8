-- dialect: duckdb
select *
from orders
where created_at between @start_date and @end_date
