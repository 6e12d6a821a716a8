select
    (address).city as city,
    (o.meta).source as source,
    (struct_pack(a := 1, b := 2)).b as b
from orders o
