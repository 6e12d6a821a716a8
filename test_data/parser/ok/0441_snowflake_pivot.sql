-- dialect: snowflake
SELECT *
FROM monthly_sales
  PIVOT (SUM(amount) FOR month IN ('JAN', 'FEB', 'MAR', 'APR'))
  AS p (empid, jan, feb, mar, apr)
ORDER BY empid
