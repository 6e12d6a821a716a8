-- dialect: ansi
SELECT id, amount FROM orders ORDER BY id OFFSET 5 ROWS FETCH NEXT 10 ROWS ONLY
