-- W006: the merge key is not an output column.
SELECT amount FROM orders
