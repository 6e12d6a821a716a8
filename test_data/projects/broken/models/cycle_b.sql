-- E170: the other half of the cycle.
SELECT order_id, amount
FROM cycle_a
WHERE amount > 0
