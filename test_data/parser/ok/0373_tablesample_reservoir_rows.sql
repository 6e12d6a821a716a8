select * from events tablesample reservoir(50 rows)
