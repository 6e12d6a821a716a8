-- E120: `amout` is a typo of `amount`.
SELECT order_id, amout
FROM orders
