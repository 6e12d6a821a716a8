-- dialect: databricks
SELECT id, ts FROM events QUALIFY rank() OVER (PARTITION BY id ORDER BY ts) = 1
