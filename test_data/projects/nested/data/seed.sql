-- The raw tables the staging models read, as a loader would land them.
CREATE SCHEMA IF NOT EXISTS raw__shop;

CREATE OR REPLACE TABLE raw__shop.customers (
    customer_id  BIGINT PRIMARY KEY,
    full_name    VARCHAR NOT NULL,
    email        VARCHAR,
    country_code VARCHAR(2),
    signed_up_at TIMESTAMP NOT NULL
);

CREATE OR REPLACE TABLE raw__shop.orders (
    order_id    BIGINT PRIMARY KEY,
    customer_id BIGINT NOT NULL,
    status      VARCHAR NOT NULL,
    ordered_at  TIMESTAMP NOT NULL
);

CREATE OR REPLACE TABLE raw__shop.order_items (
    order_id   BIGINT NOT NULL,
    line_no    INTEGER NOT NULL,
    sku        VARCHAR NOT NULL,
    quantity   INTEGER NOT NULL,
    unit_price DECIMAL(10, 2) NOT NULL
);

CREATE OR REPLACE TABLE raw__shop.payments (
    payment_id BIGINT PRIMARY KEY,
    order_id   BIGINT NOT NULL,
    method     VARCHAR,
    amount     DECIMAL(12, 2) NOT NULL,
    paid_at    TIMESTAMP
);

-- Order totals precomputed by the loader: a table whose columns come from a query.
CREATE OR REPLACE TABLE raw__shop.order_totals AS
SELECT
    order_id,
    sum(quantity * unit_price) AS order_total,
    count(*) AS line_count
FROM raw__shop.order_items
GROUP BY order_id;

INSERT INTO raw__shop.customers
SELECT i, 'customer ' || i, 'c' || i || '@example.com',
       CASE i % 3 WHEN 0 THEN 'DE' WHEN 1 THEN 'FR' ELSE 'US' END,
       TIMESTAMP '2024-01-01' + INTERVAL (i) DAY
FROM range(1, 41) t(i);

INSERT INTO raw__shop.orders
SELECT i, 1 + i % 40,
       CASE i % 5 WHEN 0 THEN 'cancelled' WHEN 1 THEN 'pending' ELSE 'shipped' END,
       TIMESTAMP '2025-01-01' + INTERVAL (i * 7) HOUR
FROM range(1, 301) t(i);

INSERT INTO raw__shop.order_items
SELECT o, l, 'SKU-' || ((o * l) % 17), 1 + (o + l) % 4, CAST(5 + (o * 3 + l) % 40 AS DECIMAL(10, 2))
FROM range(1, 301) a(o), range(1, 4) b(l);

INSERT INTO raw__shop.payments
SELECT i, i, CASE i % 2 WHEN 0 THEN 'card' ELSE 'invoice' END,
       CAST(10 + (i * 13) % 200 AS DECIMAL(12, 2)),
       TIMESTAMP '2025-01-01' + INTERVAL (i * 7 + 2) HOUR
FROM range(1, 301) t(i)
WHERE i % 5 <> 0;
