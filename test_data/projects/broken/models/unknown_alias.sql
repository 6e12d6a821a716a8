-- E122: the table is aliased `o`, not `ord`.
SELECT ord.order_id, o.amount
FROM orders AS o
