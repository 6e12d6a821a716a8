create or replace view reporting.active_users as
with last_seen as (
    select user_id, max(event_ts) as last_event from events group by user_id
)
select user_id from last_seen where last_event > current_date - 30
