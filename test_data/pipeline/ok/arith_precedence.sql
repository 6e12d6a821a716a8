SELECT id, amount + id * 2 - 10 / 5 AS x FROM orders
