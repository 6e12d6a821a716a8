-- dialect: duckdb
select
    order_id,
    @cents_to_dollars(amount) AS dollars
from payments
