SELECT n + 1 AS m FROM bad
