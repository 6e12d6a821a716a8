-- dialect: bigquery
-- expect: UNION BY NAME is DuckDB syntax
select a from t union by name select a from u;
