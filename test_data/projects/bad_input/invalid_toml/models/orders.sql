-- Valid; the project fails on rocky.toml.
SELECT 1 AS order_id
