-- dialect: bigquery
SELECT id FROM `proj.ds.expected`
EXCEPT DISTINCT
SELECT id FROM `proj.ds.actual`
