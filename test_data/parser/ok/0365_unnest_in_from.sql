select * from unnest([1, 2, 3])
