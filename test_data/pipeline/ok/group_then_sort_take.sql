SELECT product, sum(qty) AS units FROM items GROUP BY product ORDER BY units DESC, product LIMIT 2
