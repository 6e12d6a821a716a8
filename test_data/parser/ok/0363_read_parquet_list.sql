select * from read_parquet(['data/a.parquet', 'data/b.parquet'])
