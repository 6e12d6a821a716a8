-- dialect: duckdb

select * from orders where region in (@var(region_a, 'EU'), @var(region_b, 'US'))
