SELECT id, channel, rank() OVER (PARTITION BY channel ORDER BY amount DESC) AS rnk FROM orders
