-- dialect: bigquery
SELECT * FROM
  (SELECT product, sales, quarter FROM `proj.ds.produce`)
  PIVOT(SUM(sales) FOR quarter IN ('Q1', 'Q2', 'Q3', 'Q4'))
