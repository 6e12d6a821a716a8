select
    nth_value(product_id, 2) over (
        partition by customer_id order by created_at
        rows between unbounded preceding and unbounded following
    ) as second_product
from orders
