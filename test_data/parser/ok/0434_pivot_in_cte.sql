with p as (
    pivot payments on payment_method using sum(amount) group by order_id
)
select * from p
