-- model: stg_orders
-- owner: analytics
select
    -- identifiers
    order_id,
    customer_id,
    -- measures
    amount
from orders
-- end
