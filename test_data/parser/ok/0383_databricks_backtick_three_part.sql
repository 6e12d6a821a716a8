-- dialect: databricks
SELECT * FROM `catalog`.`schema`.`events` e WHERE e.dt = '2024-01-01'
