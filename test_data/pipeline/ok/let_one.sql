SELECT channel, count(*) AS n FROM orders WHERE status = 'paid' GROUP BY channel
