-- V005 is in the sidecar.
SELECT order_id, amount, status FROM orders
