-- dialect: duckdb
-- expect: DuckDB spells it EXCLUDE
select * except (a) from t;
