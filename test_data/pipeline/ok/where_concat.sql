SELECT * FROM customers WHERE name || '-' || country = 'Ada-UK'
