select
    now() as loaded_at,
    current_timestamp as ts,
    current_date as today,
    random() as r,
    gen_random_uuid() as load_id
from orders
