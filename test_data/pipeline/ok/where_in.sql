SELECT * FROM orders WHERE status IN ('void', 'refunded')
