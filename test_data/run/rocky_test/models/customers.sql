SELECT id, name FROM raw.customers
