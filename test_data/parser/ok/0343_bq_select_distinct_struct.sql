-- dialect: bigquery
SELECT DISTINCT user_id, DATE(event_ts) AS event_date
FROM `proj.ds.events`
