-- dialect: databricks
SELECT * FROM customers c LEFT ANTI JOIN orders o ON c.id = o.customer_id
