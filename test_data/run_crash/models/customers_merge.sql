SELECT id, name, visits FROM src.customers
