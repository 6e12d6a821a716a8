WITH
  base AS (SELECT * FROM analytics.events),
  filtered AS (SELECT * FROM base WHERE event_type <> 'heartbeat'),
  sessionized AS (
    SELECT *, sum(new_session) OVER (PARTITION BY user_id ORDER BY ts) AS session_id
    FROM (
      SELECT *,
        CASE WHEN ts - lag(ts) OVER (PARTITION BY user_id ORDER BY ts) > INTERVAL 30 MINUTE
             THEN 1 ELSE 0 END AS new_session
      FROM filtered
    )
  )
SELECT user_id, session_id, min(ts) AS session_start FROM sessionized GROUP BY ALL
