select
    attributes['color'] as color,
    payload['user']['id'] as user_id
from products
