-- dialect: databricks
SELECT * FROM sales_wide
UNPIVOT (sales FOR quarter IN (q1, q2, q3, q4))
