select
    c.customer_id,
    exists (select 1 from refunds r where r.customer_id = c.customer_id) as has_refund
from customers c
