SELECT id,
       avg(v) OVER w1 AS a1,
       avg(v) OVER w2 AS a2,
       max(v) OVER w3 AS m3
FROM measurements
WINDOW w1 AS (ORDER BY ts ROWS BETWEEN 6 PRECEDING AND CURRENT ROW),
       w2 AS (PARTITION BY sensor ORDER BY ts),
       w3 AS (PARTITION BY sensor)
