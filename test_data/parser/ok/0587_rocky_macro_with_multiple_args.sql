-- dialect: duckdb

SELECT @safe_divide(revenue, sessions) AS rps, @date_spine_day(ts, 'day') AS day FROM metrics
