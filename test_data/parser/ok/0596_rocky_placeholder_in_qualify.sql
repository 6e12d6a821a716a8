-- dialect: duckdb

from raw.snapshots
where snapshot_ts < @end_date
qualify row_number() over (partition by id order by snapshot_ts desc) = 1
