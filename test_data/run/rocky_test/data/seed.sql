CREATE SCHEMA raw;
CREATE TABLE raw.orders (id INT, customer_id INT, amount DECIMAL(10, 2), status VARCHAR, created_at TIMESTAMP);
INSERT INTO raw.orders VALUES
  (1, 1, 10.00, 'paid', '2024-01-01 10:00'),
  (2, 1, 20.00, 'paid', '2024-01-02 10:00'),
  (3, 2, 5.50, 'refunded', '2024-01-02 11:00'),
  (4, 3, NULL, 'open', '2024-01-03 09:00');
CREATE TABLE raw.customers (id INT, name VARCHAR);
INSERT INTO raw.customers VALUES (1, 'ann'), (2, 'bob');
