-- Each column renamed twice through CTEs before it comes out.
WITH base AS (
    SELECT customer_id AS cust_id, name AS full_name, email, country
    FROM shop.customers
),
renamed AS (
    SELECT cust_id AS customer_key, full_name AS customer_name, email, country
    FROM base
)
SELECT
    customer_key AS customer_id,
    customer_name,
    email,
    upper(country) AS country
FROM renamed
