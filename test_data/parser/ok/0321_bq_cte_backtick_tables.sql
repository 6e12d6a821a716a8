-- dialect: bigquery
WITH sessions AS (
  SELECT user_pseudo_id, event_timestamp
  FROM `my-project.analytics_123.events_2024`
  WHERE event_name = 'session_start'
)
SELECT user_pseudo_id, COUNT(*) AS n_sessions
FROM sessions
GROUP BY user_pseudo_id
