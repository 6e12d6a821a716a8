select
    null as empty_value,
    true as is_active,
    FALSE as is_deleted,
    NULL::varchar as typed_null
from customers
