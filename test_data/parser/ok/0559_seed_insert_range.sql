INSERT INTO customers
SELECT
    i AS id,
    'customer_' || i AS name,
    CASE WHEN i % 10 = 0 THEN NULL ELSE 'user' || i || '@example.com' END AS email,
    CAST(i * 1.5 AS DECIMAL(12,2)) AS balance,
    i % 3 <> 0 AS is_active,
    TIMESTAMP '2024-01-01' + INTERVAL (i) HOUR AS created_at
FROM range(1000) t(i)
