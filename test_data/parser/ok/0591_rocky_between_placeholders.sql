-- dialect: duckdb

select * from raw.sessions where started_at between @start_date and @end_date
