-- E170: cycle_a reads cycle_b, which reads cycle_a.
SELECT order_id, amount
FROM cycle_b
