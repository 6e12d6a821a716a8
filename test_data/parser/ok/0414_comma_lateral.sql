SELECT s.id, x.n
FROM series s, LATERAL (SELECT s.id * 2 AS n) x
