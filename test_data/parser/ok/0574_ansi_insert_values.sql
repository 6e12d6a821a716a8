-- dialect: ansi
INSERT INTO t (a, b, c) VALUES (1, 'x', 1.50), (2, 'y', 2.00)
