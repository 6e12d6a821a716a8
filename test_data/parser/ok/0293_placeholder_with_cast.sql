-- dialect: duckdb
select *
from orders
where created_at::date >= @start_date::date
  and created_at < cast(@end_date as timestamp)
