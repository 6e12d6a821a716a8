PIVOT sales ON region, product USING sum(amount) GROUP BY year
