-- V010 is in the sidecar.
SELECT order_id, amount FROM orders
