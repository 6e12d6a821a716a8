-- V008: no no_sidecar.toml and no frontmatter.
SELECT order_id FROM orders
