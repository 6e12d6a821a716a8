SELECT id, name, tier FROM src.customers
