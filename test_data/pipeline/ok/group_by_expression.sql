SELECT year(ordered_at), month(ordered_at), count(*) AS n FROM orders GROUP BY 1, 2
