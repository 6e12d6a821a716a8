SELECT DISTINCT event_id, user_id, event_type, occurred_at
FROM raw__app.events
