select
    struct_pack(a := 1, b := 'x') as s,
    struct_pack(id := customer_id, total := amount) as summary
from orders
