SELECT * FROM (SELECT id, amount AS total FROM orders) WHERE total > 100
