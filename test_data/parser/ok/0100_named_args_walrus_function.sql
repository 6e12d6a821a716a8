select *
from read_parquet('s3://bucket/orders/*.parquet', hive_partitioning := true, union_by_name := true)
