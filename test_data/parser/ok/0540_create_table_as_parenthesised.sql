create table analytics.dim_customers as (
    select id, first_name, last_name from raw.customers
)
