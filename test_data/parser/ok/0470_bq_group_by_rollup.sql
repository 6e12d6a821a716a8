-- dialect: bigquery
SELECT region, product, SUM(amount) AS total
FROM `proj.ds.sales`
GROUP BY ROLLUP (region, product)
