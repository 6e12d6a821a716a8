from raw.customers
