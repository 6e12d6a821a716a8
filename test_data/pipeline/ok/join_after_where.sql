SELECT c.name, o.id FROM (SELECT * FROM orders WHERE amount > 50) o RIGHT JOIN customers c ON o.customer_id = c.id
