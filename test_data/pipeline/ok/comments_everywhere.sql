SELECT channel, sum(amount) AS revenue FROM orders WHERE status = 'paid' GROUP BY channel
