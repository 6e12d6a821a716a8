with unioned as (
    select * from stg_shopify_orders
    union all by name
    select * from stg_amazon_orders
)
select channel, count(*) from unioned group by channel
