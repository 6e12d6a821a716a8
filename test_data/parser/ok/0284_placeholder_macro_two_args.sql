-- dialect: duckdb
select
    order_id,
    @my_macro(a, b) as combined
from orders
