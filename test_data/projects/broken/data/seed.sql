CREATE SCHEMA IF NOT EXISTS raw__shop;

CREATE OR REPLACE TABLE raw__shop.orders (
    order_id    BIGINT PRIMARY KEY,
    customer_id BIGINT NOT NULL,
    amount      DECIMAL(12, 2),
    status      VARCHAR,
    created_at  TIMESTAMP
);

CREATE OR REPLACE TABLE raw__shop.customers (
    customer_id  BIGINT PRIMARY KEY,
    name         VARCHAR NOT NULL,
    country_code VARCHAR(2)
);
