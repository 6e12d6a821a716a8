-- E140: round takes one or two arguments.
SELECT round(amount, 2, 3) AS r FROM raw__shop.orders
