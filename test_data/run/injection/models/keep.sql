SELECT 1 AS keep_me
