-- dialect: ansi
SELECT id FROM orders ORDER BY id FETCH NEXT 5 ROWS ONLY
