-- E010–E013 and W010: the contract next to this model promises what it does not keep.
SELECT order_id, customer_id, status, amount FROM raw__shop.orders
