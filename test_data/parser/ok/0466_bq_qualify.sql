-- dialect: bigquery
SELECT user_id, event_ts
FROM `proj.ds.events`
WHERE TRUE
QUALIFY ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY event_ts DESC) = 1
