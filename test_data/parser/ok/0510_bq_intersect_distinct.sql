-- dialect: bigquery
SELECT id FROM `proj.ds.a` INTERSECT DISTINCT SELECT id FROM `proj.ds.b`
