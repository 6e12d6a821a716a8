-- dialect: ansi
SELECT * FROM events TABLESAMPLE SYSTEM (10)
