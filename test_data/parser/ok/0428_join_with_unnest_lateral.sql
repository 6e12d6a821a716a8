select o.id, item
from orders o, unnest(o.item_ids) as t(item)
