SELECT CAST(ts AS DATE) AS day, count(*) AS n
FROM src.sales
WHERE ts >= @start_date AND ts < @end_date
GROUP BY 1
