SELECT region, product, sum(amount)
FROM sales
GROUP BY GROUPING SETS ((region), (region, product), ())
