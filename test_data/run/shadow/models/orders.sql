SELECT id, amount FROM src.orders
