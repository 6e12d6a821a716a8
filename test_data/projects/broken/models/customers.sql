-- Valid: three columns.
SELECT customer_id, name, country_code
FROM raw__shop.customers
