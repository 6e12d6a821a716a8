DROP VIEW IF EXISTS staging.stg_customers
