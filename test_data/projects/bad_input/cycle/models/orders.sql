SELECT order_id, amount FROM net_orders
