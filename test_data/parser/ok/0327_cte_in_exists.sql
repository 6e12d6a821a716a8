SELECT *
FROM customers c
WHERE EXISTS (
    WITH big AS (SELECT customer_id FROM orders WHERE amount > 1000)
    SELECT 1 FROM big WHERE big.customer_id = c.id
)
