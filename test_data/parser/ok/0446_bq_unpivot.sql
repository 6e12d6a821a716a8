-- dialect: bigquery
SELECT * FROM `proj.ds.produce_wide`
UNPIVOT(sales FOR quarter IN (Q1, Q2, Q3, Q4))
