-- dialect: snowflake
with src as (
    select * from RAW_DB.JAFFLE.ORDERS
),
final as (
    select id as order_id, user_id, order_date::date as order_date from src
)
select * from final
