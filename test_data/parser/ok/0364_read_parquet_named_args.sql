SELECT * FROM read_parquet('s3://bucket/events/*.parquet', hive_partitioning = true, filename = true)
