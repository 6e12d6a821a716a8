-- dialect: databricks
SELECT * FROM customers c LEFT SEMI JOIN orders o ON c.id = o.customer_id
