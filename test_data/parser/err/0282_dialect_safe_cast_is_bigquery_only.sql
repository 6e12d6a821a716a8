-- dialect: duckdb
-- expect: SAFE_CAST is BigQuery only
select safe_cast(a as int) from t;
