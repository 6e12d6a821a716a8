select * EXCLUDE _loaded_at from orders
