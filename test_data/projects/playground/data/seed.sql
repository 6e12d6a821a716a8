CREATE SCHEMA IF NOT EXISTS raw__orders;

CREATE OR REPLACE TABLE raw__orders.orders (
    order_id     BIGINT PRIMARY KEY,
    customer_id  BIGINT NOT NULL,
    amount       DECIMAL(12, 2),
    status       VARCHAR,
    created_at   TIMESTAMP
);

CREATE OR REPLACE TABLE raw__orders.customers (
    customer_id  BIGINT PRIMARY KEY,
    name         VARCHAR NOT NULL,
    country_code VARCHAR(2)
);

INSERT INTO raw__orders.customers
SELECT i, 'customer ' || i, CASE i % 3 WHEN 0 THEN 'DE' WHEN 1 THEN 'FR' ELSE 'US' END
FROM range(1, 51) t(i);

INSERT INTO raw__orders.orders
SELECT i, 1 + i % 50, CAST((i * 7.3) % 250 AS DECIMAL(12, 2)),
       CASE i % 4 WHEN 0 THEN 'completed' WHEN 1 THEN 'pending' ELSE 'shipped' END,
       TIMESTAMP '2025-01-01' + INTERVAL (i * 5) HOUR
FROM range(1, 1001) t(i);
