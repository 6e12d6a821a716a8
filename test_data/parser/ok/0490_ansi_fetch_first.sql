-- dialect: ansi
SELECT * FROM orders ORDER BY amount DESC FETCH FIRST 10 ROWS ONLY
