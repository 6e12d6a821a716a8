-- dialect: snowflake
select o.id, f.value:sku::string as sku
from raw.orders o,
lateral flatten(input => o.line_items) f
