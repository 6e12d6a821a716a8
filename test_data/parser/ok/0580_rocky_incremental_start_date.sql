-- dialect: duckdb

select * from raw.events where updated_at > @start_date
