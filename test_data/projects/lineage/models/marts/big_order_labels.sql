-- Reads the ephemeral model: lineage goes through it.
SELECT order_id, CAST(double_amount AS VARCHAR) AS label
FROM big_orders
