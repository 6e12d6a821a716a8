select * exclude (created_by, updated_by, _loaded_at)
from orders
