SELECT a.id, b.id FROM table_a a, table_b b WHERE a.key = b.key
