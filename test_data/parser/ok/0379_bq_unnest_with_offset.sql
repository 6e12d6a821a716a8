-- dialect: bigquery
SELECT id, item, pos
FROM `proj.ds.carts`,
  UNNEST(items) AS item WITH OFFSET AS pos
