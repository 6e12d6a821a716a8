select
    cast(items as struct(sku varchar, qty int)[]) as line_items
from orders
