-- dialect: databricks
SELECT region, count(*) AS n FROM sales GROUP BY ALL
