-- dialect: duckdb

select * from orders where status = @var(status_filter, 'completed')
