select
    cast(attributes as map(varchar, int)) as attr_map,
    MAP {'k': 1}::MAP(VARCHAR, BIGINT) as m
from products
