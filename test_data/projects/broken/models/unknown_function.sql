-- W100: no such function in DuckDB's catalog.
SELECT order_id, amount_in_cents(amount) AS cents FROM raw__shop.orders
