select
    customer_id,
    string_agg(product_name, ', ' order by product_name) as products,
    string_agg(distinct category, '|') as categories
from order_lines
group by customer_id
