SELECT id FROM orders WHERE amount > 100 AND channel = 'web'
