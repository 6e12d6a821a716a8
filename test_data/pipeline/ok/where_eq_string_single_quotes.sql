SELECT * FROM customers WHERE country = 'US'
