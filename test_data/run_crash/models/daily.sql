SELECT CAST(ts AS DATE) AS day, count(*) AS n, sum(amount) AS total
FROM src.events
WHERE ts >= @start_date AND ts < @end_date
GROUP BY 1
