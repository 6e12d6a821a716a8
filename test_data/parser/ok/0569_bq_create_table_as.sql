-- dialect: bigquery
CREATE OR REPLACE TABLE `proj.mart.daily_sessions` AS
SELECT DATE(event_ts) AS day, COUNT(DISTINCT session_id) AS sessions
FROM `proj.ds.events`
GROUP BY day
