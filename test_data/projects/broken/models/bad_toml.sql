-- V001 is in the sidecar.
SELECT order_id FROM orders
