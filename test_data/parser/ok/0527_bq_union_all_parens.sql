-- dialect: bigquery
(SELECT 1 AS n) UNION ALL (SELECT 2 AS n) ORDER BY n LIMIT 1
