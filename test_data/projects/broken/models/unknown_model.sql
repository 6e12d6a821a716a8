-- E123: no model is named `ordrs`.
SELECT order_id, amount
FROM ordrs
