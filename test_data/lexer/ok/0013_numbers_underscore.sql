-- digit separators (duckdb)
select 1_000_000, 10_000.5, 0.000_001;
