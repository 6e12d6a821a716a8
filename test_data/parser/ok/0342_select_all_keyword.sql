SELECT ALL status FROM orders
