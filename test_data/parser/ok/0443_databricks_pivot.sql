-- dialect: databricks
SELECT * FROM (
  SELECT year, quarter, sales FROM sales_table
)
PIVOT (
  SUM(sales) AS total
  FOR quarter IN ('Q1' AS q1, 'Q2' AS q2, 'Q3' AS q3, 'Q4' AS q4)
)
