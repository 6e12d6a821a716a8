SELECT current_date AS today, now() AS ts, 1 + 2 * 3 AS math, [1, 2, 3] AS arr
