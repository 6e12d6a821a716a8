-- A models folder with no rocky.toml next to it: not a Rocky project.
SELECT 1 AS order_id
