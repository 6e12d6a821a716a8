with recent as not materialized (
    select * from events where event_ts > now() - interval 7 day
)
select event_type, count(*) from recent group by event_type
