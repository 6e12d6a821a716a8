select
    created_at::date as date,
    extract(year from created_at) as year,
    amount as value,
    customer_name as name,
    order_type as type,
    order_status as status
from orders
