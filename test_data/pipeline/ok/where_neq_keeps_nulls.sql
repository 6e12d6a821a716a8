SELECT * FROM orders WHERE status IS DISTINCT FROM 'paid'
