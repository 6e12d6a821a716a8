CREATE SCHEMA IF NOT EXISTS shop;
CREATE SCHEMA IF NOT EXISTS crm;

CREATE OR REPLACE TABLE shop.orders (
    order_id     BIGINT PRIMARY KEY,
    customer_id  BIGINT NOT NULL,
    amount       DECIMAL(12, 2),
    discount     DECIMAL(12, 2),
    status       VARCHAR,
    is_test      BOOLEAN,
    created_at   TIMESTAMP
);

CREATE OR REPLACE TABLE shop.customers (
    customer_id  BIGINT PRIMARY KEY,
    name         VARCHAR NOT NULL,
    email        VARCHAR,
    country      VARCHAR(2),
    region       VARCHAR
);

CREATE OR REPLACE TABLE shop.refunds (
    refund_id    BIGINT PRIMARY KEY,
    order_id     BIGINT NOT NULL,
    amount       DECIMAL(12, 2),
    created_at   TIMESTAMP
);

CREATE OR REPLACE TABLE crm.contacts (
    contact_id   BIGINT PRIMARY KEY,
    customer_id  BIGINT,
    email        VARCHAR,
    phone        VARCHAR
);

INSERT INTO shop.customers VALUES
    (1, 'Ada', 'ada@example.com', 'DE', 'EU'),
    (2, 'Bob', NULL, 'US', 'NA');
INSERT INTO shop.orders VALUES
    (10, 1, 120.00, NULL, 'paid', false, TIMESTAMP '2025-01-01 10:00:00'),
    (11, 2, 80.00, 5.00, 'open', false, TIMESTAMP '2025-01-02 10:00:00'),
    (12, 2, 1.00, NULL, 'paid', true, TIMESTAMP '2025-01-03 10:00:00');
INSERT INTO shop.refunds VALUES (100, 11, 80.00, TIMESTAMP '2025-01-05 10:00:00');
INSERT INTO crm.contacts VALUES (1000, 2, 'bob@example.com', '+1 555 0100');
