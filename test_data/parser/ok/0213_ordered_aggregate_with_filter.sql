select
    customer_id,
    string_agg(sku, ',' order by created_at) filter (where quantity > 0) as skus,
    array_agg(distinct category) filter (where category is not null) as categories
from order_lines
group by customer_id
