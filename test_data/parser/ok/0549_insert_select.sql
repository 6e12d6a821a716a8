INSERT INTO mart.active_customers
SELECT id, name FROM customers WHERE is_active
