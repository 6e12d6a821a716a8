-- V003 is in the sidecar.
SELECT order_id, customer_id FROM orders
