-- dialect: bigquery
select * except (created_by, _loaded_at)
from `analytics.orders`
