insert into events by name select 'click' as event_type, now() as ts, 42 as user_id
