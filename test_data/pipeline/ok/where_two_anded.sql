SELECT * FROM orders WHERE amount > 20 AND channel = 'web'
