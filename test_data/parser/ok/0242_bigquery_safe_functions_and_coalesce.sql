-- dialect: bigquery
select
    safe.parse_date('%Y%m%d', raw_date) as parsed_date,
    coalesce(safe_cast(raw_amount as float64), 0) as amount,
    ifnull(nickname, first_name) as display_name
from `raw.customers`
