-- dialect: bigquery
SELECT user_id FROM `proj.ds.web_users`
UNION DISTINCT
SELECT user_id FROM `proj.ds.app_users`
