-- Fails at run time.
SELECT CAST('x' AS INTEGER) AS n
