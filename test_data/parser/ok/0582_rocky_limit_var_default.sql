-- dialect: duckdb

select * from raw.events limit @var(n, 100)
