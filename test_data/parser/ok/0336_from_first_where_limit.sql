from events
select user_id, event_type
where event_type = 'purchase'
limit 100
