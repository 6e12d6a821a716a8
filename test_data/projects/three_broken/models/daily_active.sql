-- E120: `occured_at` is a typo of `occurred_at`.
SELECT CAST(occured_at AS DATE) AS day, count(DISTINCT user_id) AS active_users
FROM stg_events
GROUP BY 1
