-- dialect: bigquery
select
    customer_id,
    string_agg(product_name, ', ' order by product_name) as products,
    array_agg(order_id ignore nulls order by created_at desc limit 5) as recent_orders
from order_lines
group by customer_id
