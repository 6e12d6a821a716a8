-- V004 is in the sidecar.
SELECT order_id, created_at FROM orders
