select
    struct_pack(x := amount, y := tax).x as x,
    (list_value({'k': 1}))[1].k as k
from orders
