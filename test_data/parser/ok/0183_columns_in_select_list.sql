select order_id, columns('^amount'), columns(c -> c ilike '%_at') from orders
