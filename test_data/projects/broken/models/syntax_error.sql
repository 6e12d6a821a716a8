-- E100: the comparison has no right-hand side.
SELECT order_id, amount
FROM orders
WHERE amount > AND status = 'shipped'
