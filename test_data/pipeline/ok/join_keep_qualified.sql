SELECT c.*, r.region FROM customers c JOIN regions r ON c.country = r.code
