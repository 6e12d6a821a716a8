-- dialect: duckdb
-- expect: backtick identifiers are not DuckDB syntax
select `a` from t;
