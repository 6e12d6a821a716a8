-- I001: what `*` expands to.
SELECT * FROM raw__shop.customers
