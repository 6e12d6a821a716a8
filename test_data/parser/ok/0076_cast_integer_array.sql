select
    cast(id_list as integer[]) as ids,
    cast(['1', '2'] as bigint[]) as parsed
from batches
