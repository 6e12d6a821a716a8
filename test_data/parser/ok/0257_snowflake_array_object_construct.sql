-- dialect: snowflake
select
    array_construct(order_id, parent_id) as ids,
    object_construct('id', order_id, 'amount', amount) as doc,
    array_size(tags) as tag_count
from orders
