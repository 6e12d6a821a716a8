-- dialect: duckdb
select *
from events
where event_at >= @start_date - interval 7 day
  and event_at < @end_date
