-- dialect: ansi
SELECT a.id, b.id FROM a FULL OUTER JOIN b ON a.id = b.id
