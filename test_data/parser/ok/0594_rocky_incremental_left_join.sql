-- dialect: duckdb

select e.*, u.plan
from raw.events e
left join dim_users u
  on u.id = e.user_id
 and u.valid_from <= @end_date
where e.loaded_at > @start_date
