SELECT *
FROM monthly_sales
PIVOT (sum(amount) FOR month IN ('jan', 'feb', 'mar')) AS p
