SELECT generate_series AS n FROM generate_series(1, 10)
