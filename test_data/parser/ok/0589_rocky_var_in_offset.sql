-- dialect: duckdb

select * from events order by ts limit @var(page_size, 50) offset @var(page_offset, 0)
