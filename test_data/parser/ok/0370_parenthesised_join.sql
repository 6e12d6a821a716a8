SELECT *
FROM (orders o JOIN customers c ON o.customer_id = c.id)
JOIN regions r ON c.region_id = r.id
