-- dialect: bigquery
select
    `customer_id`,
    o.`order date` as order_date,
    `select` as select_col
from `my-project.analytics.orders` as o
