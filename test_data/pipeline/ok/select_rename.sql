SELECT id, name AS customer, country FROM customers
