SELECT * FROM orders WHERE shipped_at IS NOT NULL AND discount IS NOT NULL
