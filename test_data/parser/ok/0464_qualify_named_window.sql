select * from payments
window w as (partition by order_id order by created_at)
qualify row_number() over w = 1
