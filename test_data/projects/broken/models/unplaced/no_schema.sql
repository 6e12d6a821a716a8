-- V009 is in the sidecar: models/_defaults.toml is not inherited by this folder.
SELECT order_id FROM orders
