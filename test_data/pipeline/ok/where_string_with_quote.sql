SELECT * FROM customers WHERE name IS DISTINCT FROM 'it''s'
