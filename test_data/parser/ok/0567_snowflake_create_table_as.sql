-- dialect: snowflake
create or replace table analytics.mart.fct_orders as
select order_id, customer_id, amount::number(12, 2) as amount from analytics.staging.stg_orders
