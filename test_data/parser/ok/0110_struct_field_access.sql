select
    o.address.city as city,
    address.zip as zip,
    o.shipping.carrier.name as carrier_name
from orders o
