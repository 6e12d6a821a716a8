SELECT * FROM orders WHERE ordered_at >= DATE '2025-02-14'
