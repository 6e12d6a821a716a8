-- dialect: bigquery
INSERT INTO `proj.ds.target` (id, name)
SELECT id, name FROM `proj.ds.source` WHERE id IS NOT NULL
