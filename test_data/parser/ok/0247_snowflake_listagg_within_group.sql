-- dialect: snowflake
select
    customer_id,
    listagg(product_name, ', ') within group (order by product_name) as products,
    listagg(distinct category, '|') within group (order by category desc) as categories
from order_lines
group by customer_id
