-- Syntax error: GROUP without BY.
SELECT event_type, count(*) AS events
FROM stg_events
GROUP event_type
