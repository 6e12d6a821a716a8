-- dialect: bigquery
select
    countif(status in unnest(['shipped', 'delivered'])) as fulfilled,
    countif(amount > 0) as positive,
    safe_divide(sum(amount), count(*)) as avg_amount
from orders
