-- E123: the seed creates schema raw__shop, and it has no table `refunds`.
SELECT order_id, amount
FROM raw__shop.refunds
