SELECT channel, status, count(*) AS n, sum(amount) AS total FROM orders GROUP BY channel, status
