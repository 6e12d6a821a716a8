select
    o.order_id as id,
    o.amount total,
    o.customer_id AS cust,
    o.created_at created
from orders as o
