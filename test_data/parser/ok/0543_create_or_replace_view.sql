CREATE OR REPLACE VIEW staging.stg_customers AS
SELECT id AS customer_id, first_name, last_name
FROM raw.customers
