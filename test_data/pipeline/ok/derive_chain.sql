SELECT id, amount - 5 AS net, (amount - 5) * 2 AS double_net FROM orders
