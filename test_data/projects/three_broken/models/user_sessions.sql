-- Syntax error: the window's PARTITION BY has no expression.
SELECT
    user_id,
    occurred_at,
    occurred_at - lag(occurred_at) OVER (PARTITION BY ORDER BY occurred_at) AS gap
FROM stg_events
