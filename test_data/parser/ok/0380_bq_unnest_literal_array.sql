-- dialect: bigquery
SELECT x
FROM UNNEST([1, 2, 3, 4]) AS x WITH OFFSET AS off
ORDER BY off
