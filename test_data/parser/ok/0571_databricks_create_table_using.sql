-- dialect: databricks
CREATE TABLE IF NOT EXISTS main.sales.orders (
  id BIGINT,
  amount DECIMAL(12, 2),
  ts TIMESTAMP
) USING DELTA
