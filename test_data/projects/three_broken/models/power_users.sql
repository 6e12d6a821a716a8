-- E120: user_activity has `events`, not `event_count`.
SELECT user_id, plan, event_count
FROM user_activity
WHERE events >= 100
