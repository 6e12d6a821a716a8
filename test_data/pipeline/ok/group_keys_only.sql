SELECT channel FROM orders GROUP BY channel
