select
    items[1].sku as first_sku,
    payload.items[1].price as first_price,
    o.shipments[-1].carrier as last_carrier
from orders o
