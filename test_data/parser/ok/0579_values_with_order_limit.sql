SELECT * FROM (VALUES (3, 'c'), (1, 'a'), (2, 'b')) t(n, s) ORDER BY n LIMIT 2
