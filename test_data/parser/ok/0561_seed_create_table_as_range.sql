CREATE TABLE dim_dates AS
SELECT CAST(DATE '2020-01-01' + INTERVAL (i) DAY AS DATE) AS date_day,
       dayofweek(DATE '2020-01-01' + INTERVAL (i) DAY) AS dow
FROM range(0, 3653) AS t(i)
