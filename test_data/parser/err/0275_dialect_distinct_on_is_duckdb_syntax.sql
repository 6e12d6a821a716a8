-- dialect: snowflake
-- expect: DISTINCT ON is DuckDB syntax
select distinct on (a) a, b from t;
