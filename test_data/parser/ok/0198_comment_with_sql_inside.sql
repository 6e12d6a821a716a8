select
    order_id -- , amount
    -- , select * from nowhere
    /* , case when 1 then 2 end */
from orders
