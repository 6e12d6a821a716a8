-- dialect: duckdb

with src as (
    select * from raw.events
    where event_ts >= @start_date
      and event_ts < @end_date
),
final as (
    select user_id, count(*) as n from src group by user_id
)
select * from final
