-- dialect: duckdb
-- filtered by run window
select order_id
from orders
where created_at >= @start_date /* inclusive */
  and created_at < @end_date   -- exclusive
  and region = @var(region, 'EU')
