SELECT * FROM customers WHERE lower(name) = 'bob' OR length(name) > 3
