PIVOT orders ON status USING count(*) AS n, sum(amount) AS total GROUP BY customer_id
