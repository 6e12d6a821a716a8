create or replace table staging.stg_payments (
    payment_id integer,
    order_id integer,
    amount decimal(12, 2)
)
