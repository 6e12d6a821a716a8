SELECT * FROM (VALUES (1), (2), (3)) t
