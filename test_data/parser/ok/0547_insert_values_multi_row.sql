INSERT INTO customers VALUES
    (1, 'Alice', 'alice@example.com', 10.50, true, TIMESTAMP '2024-01-01 10:00:00'),
    (2, 'Bob', NULL, 0, false, NULL)
