SELECT region, product, sum(amount) AS total
FROM sales
GROUP BY ROLLUP (region, product)
