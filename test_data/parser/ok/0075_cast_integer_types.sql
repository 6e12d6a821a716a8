select
    cast(order_id as bigint) as order_id,
    cast(quantity as integer) as quantity,
    cast(flag as smallint) as flag,
    cast(big as hugeint) as big,
    cast(n as ubigint) as n_unsigned
from order_lines
