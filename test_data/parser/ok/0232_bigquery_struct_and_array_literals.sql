-- dialect: bigquery
select
    struct(1 as a, 'x' as b) as pair,
    [1, 2, 3] as small_ints,
    array<int64>[order_id, parent_id] as ids,
    struct<a int64, b string>(1, 'x') as typed_pair
from orders
