-- The dataset every program of pipeline/ok/ runs against (with its SQL twin).
-- NULLs on purpose: `!=` must keep them, `is null` must find them.
CREATE TABLE customers (id INTEGER, name VARCHAR, country VARCHAR, tier VARCHAR, signed_up DATE);
INSERT INTO customers VALUES
  (1, 'Ada', 'UK', 'gold', DATE '2024-01-05'),
  (2, 'Bob', 'US', NULL, DATE '2024-02-11'),
  (3, 'Chen', 'CN', 'silver', DATE '2024-03-20'),
  (4, 'Dia', 'US', 'gold', DATE '2024-05-02'),
  (5, 'Eve', NULL, 'bronze', DATE '2025-01-15'),
  (6, 'Finn', 'UK', NULL, NULL);

CREATE TABLE orders (
  id INTEGER, customer_id INTEGER, amount DECIMAL(10, 2), status VARCHAR,
  ordered_at DATE, shipped_at TIMESTAMP, discount DOUBLE, channel VARCHAR
);
INSERT INTO orders VALUES
  (101, 1, 120.00, 'paid', DATE '2025-01-02', TIMESTAMP '2025-01-03 09:00:00', NULL, 'web'),
  (102, 1, 35.50, 'paid', DATE '2025-01-09', TIMESTAMP '2025-01-10 14:30:00', 0.1, 'store'),
  (103, 2, 980.00, 'refunded', DATE '2025-01-11', NULL, 0.25, 'web'),
  (104, 3, 15.00, 'paid', DATE '2025-02-01', TIMESTAMP '2025-02-02 08:15:00', NULL, NULL),
  (105, 3, 15.00, 'void', DATE '2025-02-01', NULL, NULL, 'web'),
  (106, 4, 250.00, 'paid', DATE '2025-02-14', TIMESTAMP '2025-02-15 18:45:00', 0.05, 'app'),
  (107, 4, 0.00, NULL, DATE '2025-02-20', NULL, NULL, 'app'),
  (108, 7, 60.00, 'paid', DATE '2025-03-01', TIMESTAMP '2025-03-01 23:59:00', NULL, 'web'),
  (109, 2, 410.25, 'paid', DATE '2025-03-05', TIMESTAMP '2025-03-06 10:00:00', 0.15, 'store'),
  (110, 5, 72.10, 'shipped', DATE '2025-03-07', TIMESTAMP '2025-03-08 07:20:00', NULL, 'web'),
  (111, NULL, 19.99, 'paid', DATE '2025-03-09', NULL, NULL, 'app'),
  (112, 1, 120.00, 'paid', DATE '2025-03-12', TIMESTAMP '2025-03-12 12:00:00', 0.1, 'web');

CREATE TABLE items (order_id INTEGER, product VARCHAR, qty INTEGER, price DECIMAL(8, 2));
INSERT INTO items VALUES
  (101, 'pen', 10, 2.00), (101, 'book', 2, 50.00), (102, 'pen', 5, 2.10),
  (103, 'laptop', 1, 980.00), (104, 'pen', 3, 5.00), (106, 'book', 5, 50.00),
  (108, 'mug', 4, 15.00), (109, 'chair', 1, 410.25), (110, 'mug', 2, 36.05),
  (112, 'book', 2, 60.00), (112, NULL, 1, NULL);

CREATE TABLE regions (code VARCHAR, region VARCHAR);
INSERT INTO regions VALUES ('UK', 'Europe'), ('US', 'Americas'), ('CN', 'Asia');
