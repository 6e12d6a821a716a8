-- dialect: databricks
select
    array(1, 2, 3) as small_ints,
    map('a', 1, 'b', 2) as m,
    named_struct('id', order_id, 'amount', amount) as doc,
    struct(order_id as id, amount) as s,
    tags[0] as first_tag,
    attrs['color'] as color
from orders
