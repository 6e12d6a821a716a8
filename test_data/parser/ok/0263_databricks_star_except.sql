-- dialect: databricks
select * except (created_by, _rescued_data)
from main.bronze.orders
