-- dialect: databricks
select
    `customer_id`,
    o.`order date` as order_date,
    `weird``name` as weird_name
from `main`.`analytics`.`orders` as o
